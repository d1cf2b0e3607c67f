# frozen_string_literal: true

require_relative "test_helper"

# The GVL is released during HTTP calls: 8 threads sharing one client overlap their waits.
class TestThreads < EmulatorTest
  LATENCY_MS = 300
  CALLS = 2

  def timed
    t = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    yield
    Process.clock_gettime(Process::CLOCK_MONOTONIC) - t
  end

  def test_eight_threads_share_one_client
    sid = routed_session
    Emulator.fault(path: "/v2/project/#{API_KEY}/session/#{sid}/stream", latencyMs: LATENCY_MS, count: 1000)
    one = timed { CALLS.times { @opentok.streams.all(sid) } }
    assert_operator one, :>=, CALLS * LATENCY_MS / 1000.0

    results = Queue.new
    eight = timed do
      8.times.map { Thread.new { CALLS.times { results << @opentok.streams.all(sid).total } } }.each(&:join)
    end
    assert_equal 8 * CALLS, results.size
    # serialized calls would take 8x as long; allow generous slack for a busy machine
    assert_operator eight, :<, one * 2.5, "8 threads took #{eight.round(2)} s vs #{one.round(2)} s for one thread's share"
  end

  def test_other_ruby_threads_run_during_a_call
    sid = routed_session
    Emulator.fault(path: "/v2/project/#{API_KEY}/session/#{sid}/stream", latencyMs: 500, count: 1)
    ticks = 0
    ticker = Thread.new { loop { ticks += 1; sleep 0.01 } }
    @opentok.streams.all(sid)
    ticker.kill
    assert_operator ticks, :>, 20
  end
end
