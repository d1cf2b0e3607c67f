# frozen_string_literal: true

require "json"

module OpenTok
  # @private Argument conversion, native calls and error mapping shared by every class.
  module Internal
    module_function

    # Hash values whose keys are user data (header names, free-form fields): kept verbatim.
    OPAQUE_KEYS = %w[headers static_fields].freeze
    # Official spellings that do not underscore to the core's field name.
    KEY_ALIASES = { "max_bit_rate" => "max_bitrate" }.freeze
    # Which exception class a failed operation raises (authentication failures always raise
    # OpenTokAuthenticationError).
    ERROR_CLASSES = {
      /archive/ => :OpenTokArchiveError,
      /broadcast/ => :OpenTokBroadcastError,
      /\Aset_stream_class_list/ => :OpenTokStreamLayoutError,
      /\A(force_disconnect|list_connections)\z/ => :OpenTokConnectionError,
      /\A(dial|play_dtmf)\z/ => :OpenTokSipError,
      /render/ => :OpenTokRenderError,
      /\A(connect_audio|stop_audio_connector)\z/ => :OpenTokWebSocketError,
      /captions/ => :OpenTokCaptionsError
    }.freeze

    def underscore(name)
      name.to_s.gsub(/([A-Z]+)([A-Z][a-z])/, '\1_\2').gsub(/([a-z\d])([A-Z])/, '\1_\2').tr("-", "_").downcase
    end

    def camelize(name)
      head, *rest = name.to_s.split("_")
      rest.empty? ? head.to_s : head + rest.map(&:capitalize).join
    end

    def option_key(key)
      unless key.is_a?(Symbol) || key.is_a?(String)
        raise InvalidArgumentError.new("option keys must be Symbols or Strings, got #{key.inspect}",
                                       field: key.inspect, reason: "not a Symbol or String")
      end
      k = underscore(key)
      KEY_ALIASES.fetch(k, k)
    end

    # Converts option values to the JSON the core reads: snake_case keys at every level (except
    # inside header maps), Symbols as strings, Times as Unix seconds.
    def wire(value, opaque: false)
      case value
      when Hash
        value.each_with_object({}) do |(k, v), out|
          key = opaque ? k.to_s : option_key(k)
          out[key] = wire(v, opaque: OPAQUE_KEYS.include?(key))
        end
      when Array then value.map { |v| wire(v) }
      when Symbol then value.to_s
      when Time then value.to_i
      when Float
        raise InvalidArgumentError.new("#{value} is not a finite number", field: "value", reason: "not finite") unless value.finite?

        value
      else value
      end
    end

    def options!(options, name = "options")
      return {} if options.nil?
      return options if options.is_a?(Hash)

      raise InvalidArgumentError.new("#{name} must be a Hash, got #{options.class}", field: name, reason: "not a Hash")
    end

    # Checks a required id parameter and returns it as a String.
    def id!(name, value)
      value = value.to_s if value.is_a?(Symbol)
      if value.nil? || (value.is_a?(String) && value.empty?)
        raise InvalidArgumentError.new("#{name} not provided", field: name, reason: "not provided")
      end
      unless value.is_a?(String)
        raise InvalidArgumentError.new("#{name} must be a String, got #{value.class}", field: name, reason: "not a String")
      end
      unless value.valid_encoding?
        raise InvalidArgumentError.new("#{name} is not valid UTF-8", field: name, reason: "invalid encoding")
      end

      value
    end

    # Checks that a parameter is a String (the core validates its content).
    def str!(name, value)
      value = value.to_s if value.is_a?(Symbol)
      unless value.is_a?(String) && value.valid_encoding?
        raise InvalidArgumentError.new("#{name} must be a String, got #{value.class}", field: name, reason: "not a String")
      end

      value
    end

    # Builds the core arguments from fixed parameters and a user option hash.
    def args(fixed, options = nil, name = "options")
      wire(options!(options, name)).merge(fixed.transform_keys(&:to_s))
    end

    # Runs `op` on the native client (GVL released) and returns the decoded JSON result.
    def call(native, op, args)
      parse(native.call(op, JSON.generate(args)))
    rescue Native::Error => e
      raise map_error(e, op)
    end

    def call_all(native, op, args)
      parse(native.call_all(op, JSON.generate(args)))
    rescue Native::Error => e
      raise map_error(e, op)
    end

    def parse(text)
      text == "null" ? nil : JSON.parse(text)
    end

    def payload(native_error)
      JSON.parse(native_error.message)
    rescue JSON::ParserError
      { "kind" => "api", "message" => native_error.message }
    end

    # The official exception for a native error raised by operation `op`.
    def map_error(native_error, op)
      p = payload(native_error)
      case p["kind"]
      when "invalid_argument"
        InvalidArgumentError.new(p["message"], field: p["field"], reason: p["reason"])
      when "auth"
        OpenTokAuthenticationError.new(p["message"], p, op)
      else
        klass = ERROR_CLASSES.find { |re, _| re.match?(op.to_s) }&.last || :OpenTokError
        ::OpenTok.const_get(klass).new(p["message"], p, op)
      end
    end

    # Mints a client token; `now` is the host clock so Timecop and stubbed Time.now apply.
    def token(native, session_id, options)
      native.generate_token_opts(session_id, options, Time.now.to_i)
    rescue Native::Error => e
      raise map_error(e, "generate_token")
    end
  end
end
