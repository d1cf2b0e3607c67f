# frozen_string_literal: true

# opentok-rs: the official `opentok` gem's API on a Rust core. `require "opentok"`.
# Every file under opentok/ can also be required on its own, as with the official gem.
require_relative "opentok/opentok"
