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
