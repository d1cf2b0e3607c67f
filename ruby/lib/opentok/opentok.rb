# frozen_string_literal: true

require "json"
require "resolv"
require "set"
require_relative "version"
require_relative "constants"
require_relative "exceptions"
require_relative "internal"
require_relative "session"
require_relative "client"
require_relative "token_generator"
require_relative "archives"
require_relative "broadcasts"
require_relative "streams"
require_relative "signals"
require_relative "connections"
require_relative "sip"
require_relative "renders"
require_relative "websocket"
require_relative "captions"
require_relative "callbacks"
require_relative "webhooks"

module OpenTok
  # The entry point: OpenTok::OpenTok.new(api_key, api_secret, opts).
  class OpenTok
    include SafeDump
    include TokenGenerator
    # The official arguments of the token lambdas (generate_token below is the fast path).
    @arg_lambdas = {
      api_key: ->(instance) { instance.api_key },
      api_secret: ->(instance) { instance.api_secret }
    }.freeze

    attr_reader :api_key, :api_url, :ua_addendum, :timeout_length

    # The transport asked for with the :transport option (:native, :host, or nil = automatic:
    # Net::HTTP while WebMock is enabled or VCR is on, OPENTOK_TRANSPORT=native|host overrides).
    attr_reader :transport

    # Options, as in the official gem: :api_url, :ua_addendum, :timeout_length (seconds allowed to
    # open the connection; default 2). Not in the official gem: :request_timeout (seconds for the
    # whole call, retries included; core default 20), :connect_timeout (overrides :timeout_length),
    # :max_retries, :proxy (URL), :ca_bundle (PEM text, file or directory), :max_response_bytes
    # (default 32 MiB), :transport (:native or :host; see #transport).
    # Nothing is validated here (as in the official gem): bad credentials or options raise at the
    # first call.
    def initialize(api_key, api_secret, opts = {})
      opts ||= {}
      @api_key = api_key.to_s
      @api_secret = Internal::Secret.new(api_secret)
      @api_url = opts[:api_url] || API_URL
      @ua_addendum = opts[:ua_addendum]
      @timeout_length = opts[:timeout_length] || 2
      @options = opts.slice(:request_timeout, :connect_timeout, :max_retries, :proxy, :ca_bundle,
                            :max_response_bytes).freeze
      @transport = opts[:transport]
      @lock = Mutex.new
      @archives = Archives.new(self)
      @broadcasts = Broadcasts.new(self)
      @streams = Streams.new(self)
      @signals = Signals.new(self)
      @connections = Connections.new(self)
      @sip = Sip.new(self)
      @renders = Renders.new(self)
      @websocket = WebSocket.new(self)
      @captions = Captions.new(self)
      @callbacks = Callbacks.new(self)
    end

    attr_reader :archives, :broadcasts, :streams, :signals, :connections, :sip, :renders, :websocket,
                :captions, :callbacks

    # The API secret (never shown by inspect, to_s, to_json, as_json or to_yaml).
    def api_secret
      @api_secret.value
    end

    # Creates a session. Options (others are ignored, as in the official gem): :media_mode
    # (:routed; anything else means :relayed), :archive_mode (:manual default, :always),
    # :location (IPv4), :archive_name, :archive_resolution, :e2ee. Returns a Session.
    # @raise [RuntimeError] (InvalidArgumentRuntimeError) bad location or archive mode, always
    #   archiving with relayed media; [ArgumentError] (InvalidArgumentError) e2ee combinations.
    def create_session(opts = {})
      opts = Internal.options!(opts, "opts").each_with_object({}) do |(k, v), m|
        key = k.respond_to?(:to_sym) ? k.to_sym : k
        m[key] = v if SESSION_KEYS.include?(key)
      end
      routed = [:routed, "routed"].include?(opts[:media_mode])
      opts[:media_mode] = routed ? :routed : :relayed
      check_session!(opts)
      json = Internal.call(self, "create_session", Internal.args({}, opts, "opts"))
      row = json.is_a?(Array) ? json.first : json
      row = {} unless row.is_a?(Hash)
      session = Session.new(@api_key, api_secret, row["session_id"] || row["sessionId"],
                            opts.merge(project_id: row["project_id"] || row["projectId"] || row["partner_id"]))
      session.__attach_native(self)
    end

    # Generates a client token. Options: :role (:subscriber, :publisher, :publisheronly,
    # :moderator), :expire_time (Unix seconds or Time; at most 30 days ahead), :data (fewer than 1000
    # chars), :initial_layout_class_list (Array or String), :token_type ("JWT" default, "T1").
    # Uses Time.now as the clock, so Timecop-style time stubs apply.
    # @raise [RuntimeError] (InvalidArgumentRuntimeError) as the official gem.
    def generate_token(session_id, opts = {})
      client = @native
      client = native unless client && @native_generation == Internal.fork_generation
      client.generate_token_opts(session_id, opts, Time.now.to_i)
    rescue Native::Error => e
      raise Internal.map_error(e, "generate_token")
    end

    def inspect
      "#<OpenTok::OpenTok api_key=#{@api_key.inspect} api_url=#{Internal.redact(@api_url).inspect}>"
    end
    alias to_s inspect

    # The public settings (never the API secret).
    def as_json(*)
      { "api_key" => @api_key, "api_url" => Internal.redact(@api_url), "ua_addendum" => @ua_addendum,
        "timeout_length" => @timeout_length }
    end

    # @private The native client, built at the first call, and again in a forked child (the
    # parent's connection pool is not usable there).
    def native
      native = @native
      return native if native && @native_generation == Internal.fork_generation

      @lock.synchronize do
        unless @native && @native_generation == Internal.fork_generation
          @native = build_native
          @native_generation = Internal.fork_generation
        end
        @native
      end
    end

    # @private Settings the host transport applies (seconds).
    def transport_settings
      @transport_settings ||= begin
        settings = {
          api_url: @api_url,
          connect_timeout: (@options[:connect_timeout] || @timeout_length).to_f,
          timeout: (@options[:request_timeout] || 20).to_f,
          max_retries: @options.fetch(:max_retries, 2).to_i,
          proxy: @options[:proxy],
          ca_bundle: @options[:ca_bundle],
          max_body: (@options[:max_response_bytes] || (32 * 1024 * 1024)).to_i
        }
        if native.respond_to?(:host_settings)
          core = JSON.parse(native.host_settings)
          settings.merge!(connect_timeout: core["connect_timeout"].to_f, timeout: core["timeout"].to_f,
                          proxy: core["proxy"], user_agent: core["user_agent"])
        end
        settings.freeze
      end
    end

    # @private The User-Agent both transports send.
    def user_agent
      return transport_settings[:user_agent] if transport_settings[:user_agent]

      ua = "OpenTok-Rust-SDK/#{VERSION} ruby/#{RUBY_VERSION}"
      @ua_addendum ? "#{ua} #{@ua_addendum}" : ua
    end

    protected

    # The official gem's low-level client (auth headers for custom REST calls).
    def client
      @client ||= Client.new(@api_key, api_secret, @api_url, @ua_addendum, timeout_length: @timeout_length)
    end

    private

    SESSION_KEYS = %i[media_mode location archive_mode archive_name archive_resolution e2ee].freeze
    private_constant :SESSION_KEYS

    def check_session!(opts)
      if !opts[:location].nil? && !(opts[:location].is_a?(String) && opts[:location].match?(/\A#{Resolv::IPv4::Regex}\z/))
        raise Internal.invalid("location", "invalid argument `location`: location must be an IPv4 address", "not an IPv4 address", runtime: true)
      end
      mode = opts[:archive_mode]
      if !mode.nil? && !(mode.respond_to?(:to_sym) && ARCHIVE_MODES.include?(mode.to_sym))
        raise Internal.invalid("archive_mode", "invalid argument `archive_mode`: archive mode must be either always or manual", "unknown archive mode",
                               runtime: true)
      end
      always = !mode.nil? && mode.to_sym == :always
      Checks.session_archive_options!(opts, always)
      if always && opts[:media_mode] == :relayed
        raise Internal.invalid("archive_mode", "invalid argument `archive_mode`: a session with always archive mode must also have the routed media mode",
                               "always archiving needs routed media", runtime: true)
      end
      return unless opts[:e2ee] == true

      if opts[:media_mode] == :relayed
        raise Internal.invalid("e2ee", "invalid argument `e2ee`: a session with relayed media mode should not have e2ee set to true",
                               "e2ee needs routed media")
      end
      return unless always

      raise Internal.invalid("e2ee", "invalid argument `e2ee`: a session with always archive mode must not have e2ee set to true",
                             "e2ee excludes always archiving")
    end

    def build_native
      native_opts = { "api_key" => @api_key, "api_secret" => api_secret, "api_url" => @api_url,
                      "language" => "ruby/#{RUBY_VERSION}" }
      native_opts["ua_addendum"] = @ua_addendum.to_s if @ua_addendum
      native_opts["connect_timeout"] = seconds!("timeout_length", @timeout_length)
      native_opts["connect_timeout"] = seconds!("connect_timeout", @options[:connect_timeout]) if @options[:connect_timeout]
      native_opts["timeout"] = seconds!("request_timeout", @options[:request_timeout]) if @options[:request_timeout]
      native_opts["max_retries"] = @options[:max_retries] if @options.key?(:max_retries)
      native_opts["proxy"] = @options[:proxy] if @options[:proxy]
      %i[ca_bundle max_response_bytes].each do |key|
        native_opts[key.to_s] = @options[key] if @options[key] && Internal.native_option?(key.to_s)
      end
      unless api_secret.is_a?(String)
        raise Internal.invalid("api_secret", "api_secret must be a String, got #{api_secret.class}", "not a String")
      end

      Native::Client.new(JSON.generate(native_opts))
    rescue Native::Error => e
      raise Internal.map_error(e, "new")
    end

    def seconds!(name, value)
      return value.to_f if value.is_a?(Numeric) && value.to_f.finite? && value.positive?

      raise Internal.invalid(name, "invalid argument `#{name}`: must be a positive number of seconds", "not a positive number")
    end
  end
end
