# frozen_string_literal: true

require_relative "test_helper"

# Puma/Unicorn preload: a client used before fork works in the child at once.
class TestFork < EmulatorTest
  def test_call_fork_call
    @opentok.create_session
    reader, writer = IO.pipe
    pid = fork do
      reader.close
      t = Process.clock_gettime(Process::CLOCK_MONOTONIC)
      ok = begin
        @opentok.create_session.session_id.start_with?("1_", "2_") && @opentok.archives.all.is_a?(OpenTok::ArchiveList)
      rescue StandardError => e
        writer.write("error #{e.class}: #{e.message}")
        false
      end
      writer.write("#{ok} #{Process.clock_gettime(Process::CLOCK_MONOTONIC) - t}")
      writer.close
      exit!(ok ? 0 : 1)
    end
    writer.close
    Process.wait(pid)
    out = reader.read
    assert $?.success?, out
    ok, secs = out.split
    assert_equal "true", ok
    assert_operator secs.to_f, :<, 1.0, "the child's first calls took #{secs} s"
    assert_kind_of OpenTok::Session, @opentok.create_session # the parent still works
  end
end
