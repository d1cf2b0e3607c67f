# frozen_string_literal: true

require "json"
require_relative "native"
require_relative "constants"
require_relative "exceptions"
require_relative "checks"

module OpenTok
  # @private JSON (ActiveSupport's `render json:` included) and YAML dumps of a class that holds
  # credentials carry only what its `as_json` returns: never the API secret.
  module SafeDump
    def to_json(*args)
      as_json.to_json(*args)
    end

    def encode_with(coder)
      as_json.each { |k, v| coder[k] = v }
    end
  end

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
    # Checks the official gem makes with `raise "..."` (a RuntimeError), by operation and field;
    # every other bad argument is an ArgumentError there and here.
    RUNTIME_CHECKS = {
      "generate_token" => :all,
      "create_session" => %w[location archive_mode].freeze
    }.freeze

    # Holds the API secret so that no dump of an object (inspect, to_json, as_json, to_yaml,
    # instance_values) shows it.
    class Secret
      FILTERED = "[FILTERED]"

      def initialize(value)
        @value = value
        freeze
      end

      def value = @value
      def inspect = FILTERED
      def to_s = FILTERED
      def as_json(*) = FILTERED
      def to_json(*args) = FILTERED.to_json(*args)
      def encode_with(coder)
        coder.scalar = FILTERED
      end
    end

    def invalid(field, message, reason, runtime: false)
      klass = runtime ? InvalidArgumentRuntimeError : InvalidArgumentError
      klass.new(message, field: field, reason: reason)
    end

    def underscore(name)
      name.to_s.gsub(/([A-Z]+)([A-Z][a-z])/, '\1_\2').gsub(/([a-z\d])([A-Z])/, '\1_\2').tr("-", "_").downcase
    end

    def camelize(name)
      head, *rest = name.to_s.split("_")
      rest.empty? ? head.to_s : head + rest.map(&:capitalize).join
    end

    def option_key(key, path)
      unless key.is_a?(Symbol) || key.is_a?(String)
        raise invalid(path.empty? ? "options" : path, "option keys must be Symbols or Strings, got #{key.inspect}",
                      "not a Symbol or String")
      end
      k = underscore(key)
      KEY_ALIASES.fetch(k, k)
    end

    # A String as UTF-8 JSON text, or an error naming the field (binary / invalid bytes).
    def text(value, field)
      return value if value.encoding == Encoding::UTF_8 && value.valid_encoding?

      utf8 = value.dup.force_encoding(Encoding::UTF_8)
      return utf8 if utf8.valid_encoding?

      raise invalid(field, "invalid argument `#{field}`: is not valid UTF-8 text", "invalid encoding")
    end

    # Converts option values to the JSON the core reads: snake_case keys at every level (except
    # inside header maps), Symbols as strings, Times as Unix seconds. Binary strings, cyclic
    # structures and non-finite numbers raise InvalidArgumentError naming the field.
    def wire(value, opaque: false, path: "", seen: nil)
      case value
      when Hash, Array
        seen ||= {}.compare_by_identity
        raise invalid(path.empty? ? "options" : path, "invalid argument `#{path}`: contains itself", "cyclic") if seen.key?(value)

        seen[value] = true
        out = if value.is_a?(Hash)
                value.each_with_object({}) do |(k, v), h|
                  key = opaque ? text(k.to_s, path) : option_key(k, path)
                  sub = path.empty? ? key : "#{path}.#{key}"
                  h[key] = wire(v, opaque: OPAQUE_KEYS.include?(key), path: sub, seen: seen)
                end
              else
                value.each_with_index.map { |v, i| wire(v, path: "#{path}[#{i}]", seen: seen) }
              end
        seen.delete(value)
        out
      when Symbol then text(value.to_s, path)
      when String then text(value, path)
      when Time then value.to_i
      when Float
        raise invalid(path, "invalid argument `#{path}`: #{value} is not a finite number", "not finite") unless value.finite?

        value
      else value
      end
    end

    def options!(options, name = "options")
      return {} if options.nil?
      return options if options.is_a?(Hash)

      raise invalid(name, "#{name} must be a Hash, got #{options.class}", "not a Hash")
    end

    # Checks a required id parameter and returns it as a String.
    def id!(name, value)
      value = value.to_s if value.is_a?(Symbol)
      raise invalid(name, "#{name} not provided", "not provided") if value.nil? || (value.is_a?(String) && value.empty?)
      raise invalid(name, "#{name} must be a String, got #{value.class}", "not a String") unless value.is_a?(String)

      text(value, name)
    end

    # Checks that a parameter is a String (the core validates its content).
    def str!(name, value)
      value = value.to_s if value.is_a?(Symbol)
      raise invalid(name, "#{name} must be a String, got #{value.class}", "not a String") unless value.is_a?(String)

      text(value, name)
    end

    # The core passes unknown option keys through as given and accepts both spellings of known
    # ones (stage 1 of the core, recognised by its host-transport API).
    PASS_THROUGH = Native::Client.method_defined?(:prepare)

    # Option values as the official gem sends them: top-level keys camelized (its
    # `camelize_keys!`), nested keys as given; Symbols as strings, Times as Unix seconds. Binary
    # strings, cyclic structures and non-finite numbers raise InvalidArgumentError naming the field.
    def pass(value, path: "", seen: nil, top: false)
      case value
      when Hash, Array
        seen ||= {}.compare_by_identity
        raise invalid(path.empty? ? "options" : path, "invalid argument `#{path}`: contains itself", "cyclic") if seen.key?(value)

        seen[value] = true
        out = if value.is_a?(Hash)
                value.each_with_object({}) do |(k, v), h|
                  unless k.is_a?(Symbol) || k.is_a?(String)
                    raise invalid(path.empty? ? "options" : path, "option keys must be Symbols or Strings, got #{k.inspect}",
                                  "not a Symbol or String")
                  end
                  key = text(top ? camelize(k) : k.to_s, path.empty? ? k.to_s : path)
                  (Thread.current[:opentok_given] ||= {})[key] = k.to_s if top && key != k.to_s
                  h[key] = pass(v, path: path.empty? ? k.to_s : "#{path}.#{key}", seen: seen)
                end
              else
                value.each_with_index.map { |v, i| pass(v, path: "#{path}[#{i}]", seen: seen) }
              end
        seen.delete(value)
        out
      else wire(value, path: path)
      end
    end

    # Builds the core arguments from fixed parameters and a user option hash. The user's spelling
    # of each camelized top-level key is kept (per fiber) so errors name the field as written.
    def args(fixed, options = nil, name = "options")
      Thread.current[:opentok_given] = nil
      opts = options!(options, name)
      (PASS_THROUGH ? pass(opts, top: true) : wire(opts)).merge(fixed.transform_keys(&:to_s))
    end

    # The native client of an OpenTok::OpenTok (built at its first call) or a native client.
    def native(owner)
      owner.is_a?(Native::Client) ? owner : owner.native
    end

    # Runs `op` on the native client (GVL released) and returns the decoded JSON result.
    def call(owner, op, args)
      json = JSON.generate(args)
      text = if host?(owner)
               host { HostTransport.call(owner, op, json) }
             else
               HostTransport::COUNTS[:native] += 1
               native(owner).call(op, json)
             end
      parse(text)
    rescue Native::Error => e
      raise map_error(e, op)
    end

    def call_all(owner, op, args)
      return host_call_all(owner, op, args) if host?(owner)

      HostTransport::COUNTS[:native] += 1
      parse(native(owner).call_all(op, JSON.generate(args)))
    rescue Native::Error => e
      raise map_error(e, op)
    end

    # True when this client's calls go through Net::HTTP (see HostTransport.mode).
    def host?(owner)
      owner.respond_to?(:transport) && HostTransport.mode(owner.transport) == :host
    end

    # Runs a host-transport exchange; Ruby errors of the HTTP stack other than the mocking
    # libraries' own (WebMock raises an Exception, not a StandardError) become network errors.
    def host
      yield
    rescue Native::Error, OpenTokError, InvalidArgument
      raise
    rescue StandardError => e
      raise Native::Error, JSON.generate("kind" => "network", "message" => "#{e.class}: #{e.message}")
    end

    # Every page of a list operation through the host transport.
    def host_call_all(owner, op, args)
      args = args.dup
      page = (args["count"] || 1000).to_i
      args["count"] = page
      offset = (args["offset"] || 0).to_i
      items = []
      loop do
        json = call(owner, op, args.merge("offset" => offset))
        got = (json.is_a?(Hash) && json["items"]) || []
        items.concat(got)
        offset += got.size
        # The core's rule (OpenTok::list_all): stop at a short or empty page, or once the offset reaches
        # the answer's count (an absent count counts as 0).
        total = json.is_a?(Hash) && json["count"].is_a?(Numeric) ? json["count"] : 0
        break if got.empty? || got.size < page || offset >= total
      end
      items
    end

    NATIVE_OPTIONS = {} # rubocop:disable Style/MutableConstant

    # True when the native client knows this construction option (newer cores add options; the
    # host transport applies them either way).
    def native_option?(name)
      NATIVE_LOCK.synchronize do
        return NATIVE_OPTIONS[name] if NATIVE_OPTIONS.key?(name)

        probe = { "api_key" => "1", "api_secret" => "x" * 40, name => name == "ca_bundle" ? "" : 1 }
        NATIVE_OPTIONS[name] = begin
          Native::Client.new(JSON.generate(probe))
          true
        rescue Native::Error => e
          !JSON.parse(e.message).fetch("message", "").include?("unknown field")
        end
      end
    end

    # A URL without its user:password part.
    def redact(url)
      url.to_s.sub(%r{//[^/@]*@}, "//")
    end

    # Runs `op` and returns the HTTP answer as a Response (code, body, headers, parsed_response),
    # for the methods whose official counterpart returns its HTTParty response.
    def call_response(owner, op, args)
      native = native(owner)
      if host?(owner)
        raw = JSON.parse(host { HostTransport.call_http(owner, op, JSON.generate(args)) })
        Response.new(raw["status"], raw["body_text"].to_s, raw["headers"] || {}, raw["json"])
      elsif native.respond_to?(:call_http)
        HostTransport::COUNTS[:native] += 1
        raw = JSON.parse(native.call_http(op, JSON.generate(args)))
        Response.new(raw["status"], raw["body_text"].to_s, raw["headers"] || {}, raw["json"])
      else
        json = call(owner, op, args)
        Response.new(json.nil? ? 204 : 200, json.nil? ? "" : JSON.generate(json),
                     json.nil? ? {} : { "content-type" => "application/json" }, json)
      end
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
        given = Thread.current[:opentok_given]
        head = p["field"].to_s[/\A[^.\[]+/]
        if given && head && given[head]
          field = given[head] + p["field"].to_s[head.size..]
          p["message"] = p["message"].to_s.sub("`#{p["field"]}`", "`#{field}`")
          p["field"] = field
        end
        runtime = RUNTIME_CHECKS[op.to_s]
        runtime = runtime == :all || (runtime.is_a?(Array) && runtime.include?(p["field"].to_s))
        invalid(p["field"], p["message"], p["reason"], runtime: runtime)
      when "auth"
        OpenTokAuthenticationError.new(p["message"], p, op)
      else
        klass = ERROR_CLASSES.find { |re, _| re.match?(op.to_s) }&.last || :OpenTokError
        ::OpenTok.const_get(klass).new(p["message"], p, op)
      end
    end

    # Mints a client token; `now` is the host clock so Timecop and stubbed Time.now apply.
    def token(owner, session_id, options)
      native(owner).generate_token_opts(session_id, options, Time.now.to_i)
    rescue Native::Error => e
      raise map_error(e, "generate_token")
    end

    @fork_generation = 0
    # Changes in a forked child (Process._fork hook; the pid where that hook does not exist), so
    # clients rebuild their native part there.
    def self.fork_generation
      HAS_FORK_HOOK ? @fork_generation : Process.pid
    end

    # @private
    def self.forked!
      @fork_generation += 1
    end

    # @private Counts forks (fork, Process.fork, Kernel#fork all call Process._fork).
    module ForkHook
      def _fork
        pid = super
        Internal.forked! if pid.zero?
        pid
      end
    end
    HAS_FORK_HOOK = Process.respond_to?(:_fork)
    Process.singleton_class.prepend(ForkHook) if HAS_FORK_HOOK

    NATIVE_CLIENTS = {} # rubocop:disable Style/MutableConstant
    NATIVE_LOCK = Mutex.new

    # A native client for these credentials (token generation and auth headers only), cached.
    def native_for(api_key, api_secret, api_url = API_URL)
      key = [api_key.to_s, api_secret.to_s, api_url.to_s].freeze
      NATIVE_LOCK.synchronize do
        NATIVE_CLIENTS[key] ||= begin
          NATIVE_CLIENTS.clear if NATIVE_CLIENTS.size > 64
          Native::Client.new(JSON.generate("api_key" => key[0], "api_secret" => key[1], "api_url" => key[2],
                                           "language" => "ruby/#{RUBY_VERSION}"))
        end
      end
    rescue Native::Error => e
      raise map_error(e, "new")
    end
  end
end

require_relative "response"
require_relative "host_transport"
