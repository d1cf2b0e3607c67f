# frozen_string_literal: true

require_relative "exceptions"

module OpenTok
  # @private The client-side checks the official gem makes (and only those), with its classes:
  # ArgumentError here (InvalidArgumentError); the RuntimeError checks of create_session and tokens
  # live with them. Everything else is sent and the service decides.
  module Checks
    module_function

    LAYOUT_TYPES = ["bestFit", "horizontalPresentation", "pip", "verticalPresentation", ""].freeze

    def fetch(hash, name)
      head, *tail = name.to_s.split("_")
      camel = head + tail.map(&:capitalize).join
      [name.to_sym, name.to_s, camel.to_sym, camel].each { |k| return [true, hash[k]] if hash.key?(k) }
      [false, nil]
    end

    def value(hash, name)
      fetch(hash, name)[1]
    end

    def given?(hash, name)
      fetch(hash, name)[0]
    end

    def fail!(field, message)
      raise InvalidArgumentError.new("invalid argument `#{field}`: #{message}", field: field, reason: message)
    end

    # create_session: archive name and resolution only with always-archiving (ArgumentError).
    def session_archive_options!(opts, always)
      return if always

      %i[archive_name archive_resolution].each do |name|
        fail!(name.to_s, "is only allowed with archive mode :always") unless opts[name].nil?
      end
    end

    # archives.create: no resolution for individual output.
    def archive!(opts)
      return unless given?(opts, :resolution) && value(opts, :output_mode).to_s == "individual"

      fail!("resolution", "cannot be supplied for individual output mode")
    end

    # archives.all / broadcasts.all: count within 0..1000 ("Limit is invalid").
    def count!(opts)
      count = value(opts, :count)
      return if count.nil? || (count.is_a?(Integer) && (0..1000).cover?(count))

      fail!("count", "Limit is invalid (0 to 1000)")
    end

    # archives.layout / broadcasts.layout: type, stylesheet and screenshare type rules.
    def layout!(opts)
      type = value(opts, :type)
      type = type.to_s if type.is_a?(Symbol)
      stylesheet = given?(opts, :stylesheet)
      if type == "custom"
        fail!("stylesheet", "custom type must have a stylesheet") unless stylesheet
      elsif !LAYOUT_TYPES.include?(type)
        fail!("type", "type is not valid")
      elsif stylesheet
        fail!("stylesheet", "stylesheet is only allowed with the custom type")
      end
      screenshare = value(opts, :screenshare_type)
      return if screenshare.nil?

      fail!("screenshare_type", "is only allowed with the bestFit type") unless type == "bestFit"
      fail!("screenshare_type", "is not a valid layout") unless LAYOUT_TYPES[0..3].include?(screenshare.to_s)
    end

    # archives/broadcasts add_stream: has_audio and has_video cannot both be false.
    def add_stream!(opts)
      return unless value(opts, :has_audio) == false && value(opts, :has_video) == false

      fail!("has_audio", "has_audio and has_video cannot both be false")
    end

    # broadcasts.create: options cannot be empty.
    def broadcast!(opts)
      fail!("options", "options cannot be empty") if opts.empty?
    end

    # sip.play_dtmf_*: digits are 0-9, *, # and p.
    def dtmf!(digits)
      fail!("digits", "must be one or more of 0-9, *, # and p") unless digits.match?(/\A[0-9*#p]+\z/)
      digits
    end

    # renders.start: token and url must be given.
    def render!(opts)
      fail!("token", "Token must be provided") unless given?(opts, :token)
      fail!("url", "url must be provided") unless given?(opts, :url)
    end
  end
end
