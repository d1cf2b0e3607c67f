# frozen_string_literal: true

require_relative "test_helper"
require "open3"

# The official-API scenario in test/compat runs unchanged in a fresh interpreter.
class TestCompat < EmulatorTest
  def test_official_scenario
    lib = File.expand_path("../lib", __dir__)
    out, status = Open3.capture2e(RbConfig.ruby, "-I", lib, File.join(__dir__, "compat", "scenario.rb"), Emulator.url)
    assert status.success?, out
    assert_includes out, "COMPAT OK"
  end
end
