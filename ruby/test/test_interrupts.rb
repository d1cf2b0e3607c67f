# frozen_string_literal: true

require_relative "test_helper"
require "socket"
require "timeout"
require "open3"

# A call to a server that never answers ends at once on Timeout.timeout, Thread#kill and exit
# (the GVL release has an unblocking function that cancels the in-flight request).
class TestInterrupts < Minitest::Test
  def setup
    @server = TCPServer.new("127.0.0.1", 0)
    @clients = []
    @acceptor = Thread.new { loop { @clients << @server.accept } }
    @url = "http://127.0.0.1:#{@server.addr[1]}"
    @opentok = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: @url, request_timeout: 30, max_retries: 0)
  end

  def teardown
    @acceptor.kill
    @clients.each(&:close)
    @server.close
  end

  def elapsed
    t = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    yield
    Process.clock_gettime(Process::CLOCK_MONOTONIC) - t
  end

  def test_timeout_timeout_ends_the_call
    took = elapsed do
      assert_raises(Timeout::Error) { Timeout.timeout(1) { @opentok.archives.find("a") } }
    end
    assert_operator took, :<, 2.0
  end

  def test_thread_kill_ends_the_call
    started = Queue.new
    t = Thread.new do
      started << true
      @opentok.archives.all
    end
    started.pop
    deadline = Process.clock_gettime(Process::CLOCK_MONOTONIC) + 5
    Thread.pass until @clients.any? || Process.clock_gettime(Process::CLOCK_MONOTONIC) > deadline
    took = elapsed do
      t.kill
      assert t.join(2), "the killed thread is still in its call"
    end
    assert_operator took, :<, 1.5
  end

  def test_the_client_still_works_after_an_interrupt
    assert_raises(Timeout::Error) { Timeout.timeout(0.5) { @opentok.archives.find("a") } }
    ot = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: Emulator.url)
    Emulator.reset
    assert_kind_of OpenTok::Session, ot.create_session
  end

  # An interrupt that raises nothing (a signal whose handler returns, thread switches) does not end
  # the call: it keeps waiting on the same request.
  def test_interrupts_that_raise_nothing_do_not_end_a_call
    Emulator.reset
    ot = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: Emulator.url, max_retries: 0)
    sid = ot.create_session(media_mode: :routed).session_id
    Emulator.fault(path: "/v2/project/#{API_KEY}/session/#{sid}/stream", latencyMs: 600, count: 1)
    signals = 0
    old = trap("USR2") { signals += 1 }
    busy = Thread.new { loop { 1000.times { Math.sqrt(2) } } } # forces thread switches
    kicker = Thread.new do
      3.times do
        sleep 0.1
        Process.kill("USR2", Process.pid)
      end
    end
    Emulator.clear_requests
    assert_equal 0, ot.streams.all(sid).total
    assert_equal 1, Emulator.requests.size, "the request was sent once"
    kicker.join
    assert_operator signals, :>=, 1
    200.times { ot.generate_token(sid) && ot.streams.all(sid) } # many short calls while another thread runs
  ensure
    busy&.kill
    trap("USR2", old || "DEFAULT")
  end

  def test_exit_while_a_thread_is_in_a_call
    code = <<~RUBY
      require "opentok"
      ot = OpenTok::OpenTok.new("123456", "#{API_SECRET}", api_url: "#{@url}", request_timeout: 30, max_retries: 0)
      Thread.new { ot.archives.all }
      sleep 0.3
      exit 0
    RUBY
    took = elapsed do
      out, status = Open3.capture2e(RbConfig.ruby, "-I", File.expand_path("../lib", __dir__), "-e", code)
      assert status.success?, out
    end
    assert_operator took, :<, 5.0
  end
end
