# frozen_string_literal: true

module OpenTok
  # The entry point: OpenTok::OpenTok.new(api_key, api_secret, opts).
  class OpenTok
    attr_reader :api_key, :api_url, :ua_addendum, :timeout_length

    # Options: :api_url, :ua_addendum, :timeout_length (seconds, request timeout), plus
    # :connect_timeout, :max_retries and :proxy (not in the official gem).
    def initialize(api_key, api_secret, opts = {})
      opts = Internal.options!(opts, "opts")
      unless api_key.is_a?(String) || api_key.is_a?(Integer)
        raise InvalidArgumentError.new("api_key must be a String", field: "api_key", reason: "not a String")
      end
      unless api_secret.is_a?(String)
        raise InvalidArgumentError.new("api_secret must be a String", field: "api_secret", reason: "not a String")
      end

      @api_key = api_key.to_s
      @api_secret = api_secret
      @api_url = opts[:api_url] || API_URL
      @ua_addendum = opts[:ua_addendum]
      @timeout_length = opts[:timeout_length]
      native_opts = { "api_key" => @api_key, "api_secret" => api_secret, "api_url" => @api_url,
                      "language" => "ruby/#{RUBY_VERSION}" }
      native_opts["ua_addendum"] = @ua_addendum.to_s if @ua_addendum
      native_opts["timeout"] = seconds!("timeout_length", @timeout_length) if @timeout_length
      native_opts["connect_timeout"] = seconds!("connect_timeout", opts[:connect_timeout]) if opts[:connect_timeout]
      native_opts["max_retries"] = opts[:max_retries] if opts.key?(:max_retries)
      native_opts["proxy"] = opts[:proxy] if opts[:proxy]
      begin
        @client = Native::Client.new(JSON.generate(native_opts))
      rescue Native::Error => e
        raise Internal.map_error(e, "new")
      end
      @archives = Archives.new(@client)
      @broadcasts = Broadcasts.new(@client)
      @streams = Streams.new(@client)
      @signals = Signals.new(@client)
      @connections = Connections.new(@client)
      @sip = Sip.new(@client)
      @renders = Renders.new(@client)
      @websocket = WebSocket.new(@client)
      @captions = Captions.new(@client)
      @callbacks = Callbacks.new(@client)
    end

    attr_reader :archives, :broadcasts, :streams, :signals, :connections, :sip, :renders, :websocket,
                :captions, :callbacks

    # The API secret (never shown by #inspect or #to_s).
    attr_reader :api_secret

    # Creates a session. Options: :media_mode (:relayed default, :routed), :archive_mode
    # (:manual default, :always), :location (IPv4), :archive_name, :archive_resolution, :e2ee.
    # Returns a Session.
    def create_session(opts = {})
      json = Internal.call(@client, "create_session", Internal.args({}, opts, "opts"))
      Session.new(@api_key, nil, json["sessionId"],
                  { media_mode: json["mediaMode"], archive_mode: json["archiveMode"], location: json["location"],
                    archive_name: json["archiveName"], archive_resolution: json["archiveResolution"],
                    e2ee: json["e2ee"], project_id: json["projectId"] }, self)
    end

    # Generates a client token. Options: :role (:subscriber, :publisher, :publisheronly,
    # :moderator), :expire_time (Unix seconds or Time; at most 30 days ahead), :data (<= 1000
    # chars), :initial_layout_class_list (Array or String), :token_type ("JWT" default, "T1").
    # Uses Time.now as the clock, so Timecop-style time stubs apply.
    def generate_token(session_id, opts = {})
      Internal.token(@client, session_id, opts)
    end

    def inspect
      "#<OpenTok::OpenTok api_key=#{@api_key.inspect} api_url=#{@api_url.inspect}>"
    end
    alias to_s inspect

    private

    def seconds!(name, value)
      return value.to_f if value.is_a?(Numeric) && value.to_f.finite? && value.positive?

      raise InvalidArgumentError.new("invalid argument `#{name}`: must be a positive number of seconds",
                                     field: name, reason: "not a positive number")
    end
  end
end
