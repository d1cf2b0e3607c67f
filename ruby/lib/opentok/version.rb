# frozen_string_literal: true

module OpenTok
  # Version of the opentok-rs gem.
  VERSION = "0.1.0"
  # Version of the official `opentok` gem whose public surface this gem re-creates.
  COMPATIBLE_OPENTOK_VERSION = "4.13.0"
end
