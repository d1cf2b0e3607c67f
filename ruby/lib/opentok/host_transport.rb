# frozen_string_literal: true

require "json"
require "net/http"
require "openssl"
require "uri"
require "zlib"
# (loaded by internal.rb, which it extends)

module OpenTok
  # @private The host transport: the core builds each request and decodes each answer, and only
  # the bytes travel through Ruby's Net::HTTP, so WebMock, VCR and other Net::HTTP mocks see the
  # calls. Chosen per call: the `transport:` option of OpenTok.new (:native / :host), else
  # OPENTOK_TRANSPORT=native|host, else :host while WebMock is enabled or VCR is turned on
  # (checked with `defined?`, never required), else :native.
  module HostTransport
    module_function

    # How many calls each transport carried (a debug hook for tests).
    COUNTS = { native: 0, host: 0 } # rubocop:disable Style/MutableConstant
    # Network failures where nothing reached the server (any method may be retried).
    CONNECT_ERRORS = [Errno::ECONNREFUSED, Errno::EHOSTUNREACH, Errno::ENETUNREACH, Errno::EADDRNOTAVAIL,
                      SocketError, Net::OpenTimeout].freeze
    # Other network failures (only idempotent methods are retried).
    NETWORK_ERRORS = [IOError, EOFError, Errno::ECONNRESET, Errno::EPIPE, Errno::ETIMEDOUT, Net::ReadTimeout,
                      Net::WriteTimeout, OpenSSL::SSL::SSLError, Net::HTTPBadResponse, Zlib::Error].freeze
    REQUEST_ID_HEADERS = %w[x-request-id x-tb-request-id x-opentok-request-id].freeze
    IDEMPOTENT = %w[GET DELETE HEAD OPTIONS PUT].freeze

    # :host or :native for a client whose option is `choice` (:native, :host, :auto or nil).
    def mode(choice)
      case choice
      when :host, "host" then return :host
      when :native, "native" then return :native
      end
      case ENV.fetch("OPENTOK_TRANSPORT", nil)
      when "host" then return :host
      when "native" then return :native
      end
      mocking? ? :host : :native
    end

    # True while a known Net::HTTP mocking library is active.
    def mocking?
      webmock_enabled? || vcr_on?
    end

    def webmock_enabled?
      return false unless defined?(::WebMock::HttpLibAdapters::NetHttpAdapter::OriginalNetHTTP)

      !::Net::HTTP.equal?(::WebMock::HttpLibAdapters::NetHttpAdapter::OriginalNetHTTP)
    end

    def vcr_on?
      defined?(::VCR) && ::VCR.respond_to?(:turned_on?) && ::VCR.turned_on? ? true : false
    end

    # The request `op` sends: {method, url, headers [[name, value]], body (String or nil)}.
    def prepare(owner, op, args_json)
      native = Internal.native(owner)
      return JSON.parse(native.prepare(op, args_json)) if native.respond_to?(:prepare)

      req = JSON.parse(Native.build_request(op, args_json, owner.api_key))
      url = owner.api_url.to_s.chomp("/") + req["path"]
      query = req["query"] || {}
      url += "?#{URI.encode_www_form(query.sort)}" unless query.empty?
      headers = [["User-Agent", owner.user_agent], ["Accept", "application/json"], native.auth_header]
      body = req["body"]
      data = nil
      if body.is_a?(Hash) && body.keys == ["form"]
        data = URI.encode_www_form(body["form"])
        headers << ["Content-Type", "application/x-www-form-urlencoded"]
      elsif !body.nil?
        data = JSON.generate(body)
        headers << ["Content-Type", "application/json"]
      end
      { "method" => req["method"], "url" => url, "headers" => headers, "body" => data }
    end

    # Sends `op` through Net::HTTP with the client's timeouts, proxy, User-Agent and retries.
    # Returns [status, headers (lower-case names), body].
    def exchange(owner, op, args_json)
      COUNTS[:host] += 1
      req = prepare(owner, op, args_json)
      settings = owner.transport_settings
      native = Internal.native(owner)
      started = clock
      attempt = 0
      loop do
        remaining = settings[:timeout] - (clock - started)
        raise timeout_error(op, req, settings) if remaining <= 0

        failure = nil
        begin
          res, body = send_once(req, settings, remaining)
          status = res.code.to_i
          headers = res.each_header.to_h
          return [status, headers, body] if (200..299).cover?(status)

          retry_after = headers["retry-after"].to_s[/\A\s*(\d+)\s*\z/, 1]&.to_i
          delay = delay_for(native, settings, req["method"], attempt, status, retry_after, clock - started)
          return [status, headers, body] if delay.nil?
        rescue *CONNECT_ERRORS => e
          failure = e
          delay = delay_for(native, settings, "GET", attempt, nil, nil, clock - started)
        rescue *NETWORK_ERRORS => e
          failure = e
          delay = delay_for(native, settings, req["method"], attempt, nil, nil, clock - started)
        end
        raise network_error(op, failure, settings) if failure && delay.nil?

        sleep(delay)
        attempt += 1
      end
    end

    # The core's retry policy when the native part has it, else the same policy in Ruby.
    def delay_for(native, settings, method, attempt, status, retry_after, elapsed)
      if native.respond_to?(:retry_delay)
        return native.retry_delay(method, attempt, status, retry_after&.to_s, elapsed.to_f)
      end

      retry_delay(settings, method, attempt, status, retry_after, elapsed)
    end

    # Seconds to wait before retry `attempt` (0-based), or nil when no retry is due.
    def retry_delay(settings, method, attempt, status, retry_after, elapsed)
      return nil if attempt >= settings[:max_retries]

      retryable = if status.nil? then IDEMPOTENT.include?(method) || method == "GET"
                  else IDEMPOTENT.include?(method) && [429, 502, 503, 504].include?(status)
                  end
      return nil unless retryable

      delay = if retry_after then [retry_after, 5].min.to_f
              else
                capped = [0.2 * (2**[attempt, 16].min), 5.0].min
                (capped / 2) + (rand * capped / 2)
              end
      return nil if elapsed + delay > [30.0, settings[:timeout]].min

      delay
    end

    def send_once(req, settings, remaining)
      uri = URI(req["url"])
      proxy = settings[:proxy] && URI(settings[:proxy])
      http = if proxy
               ::Net::HTTP.new(uri.host, uri.port, proxy.host, proxy.port,
                               proxy.user && URI.decode_www_form_component(proxy.user),
                               proxy.password && URI.decode_www_form_component(proxy.password))
             else
               ::Net::HTTP.new(uri.host, uri.port)
             end
      http.use_ssl = uri.scheme == "https"
      http.open_timeout = [settings[:connect_timeout], remaining].min
      http.read_timeout = remaining
      http.write_timeout = remaining if http.respond_to?(:write_timeout=)
      http.max_retries = 0 if http.respond_to?(:max_retries=) # retries are ours, per the retry policy
      klass = ::Net::HTTPGenericRequest
      request = klass.new(req["method"], !req["body"].nil?, req["method"] != "HEAD", uri.request_uri)
      req["headers"].each { |name, value| request[name] = value }
      request.body = req["body"] if req["body"]
      trust(http, settings[:ca_bundle]) if http.use_ssl? && settings[:ca_bundle]
      cap = settings[:max_body]
      body = +""
      res = http.start do |h|
        h.request(request) do |r|
          length = r["content-length"]
          raise too_large(uri, cap) if length&.match?(/\A\d+\z/) && length.to_i > cap

          r.read_body do |chunk|
            body << chunk
            raise too_large(uri, cap) if body.bytesize > cap
          end
        end
      end
      [res, body.force_encoding(Encoding::BINARY)]
    end

    # The answer is larger than max_response_bytes (as the native transport reports it).
    def too_large(uri, cap)
      Native::Error.new(JSON.generate("kind" => "decode",
                                      "message" => "the response to #{uri.path} is larger than the #{cap}-byte " \
                                                   "limit (max_response_bytes); it was not read"))
    end

    # The CA bundle option: a directory, a file, or PEM text.
    def trust(http, bundle)
      if File.directory?(bundle) then http.ca_path = bundle
      elsif File.file?(bundle) then http.ca_file = bundle
      else
        store = OpenSSL::X509::Store.new
        store.set_default_paths
        bundle.scan(/-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----/m) do |pem|
          store.add_cert(OpenSSL::X509::Certificate.new(pem))
        end
        http.cert_store = store
      end
    end

    # The JSON text of the result (as the native transport returns it), or raises Native::Error.
    def finish(owner, op, args_json, status, headers, body)
      native = Internal.native(owner)
      return native.finish(op, args_json, status, JSON.generate(headers.to_a), body) if native.respond_to?(:finish)

      return Native.decode_response(op, args_json, body) if (200..299).cover?(status)

      request_id = REQUEST_ID_HEADERS.lazy.map { |h| headers[h] }.find { |v| v }
      retry_after = headers["retry-after"].to_s[/\A\s*(\d+)\s*\z/, 1]&.to_i
      raise Native::Error, Native.error_from_response(status, body, request_id, retry_after)
    end

    # Runs `op` on the host transport: the JSON text of the result.
    def call(owner, op, args_json)
      status, headers, body = exchange(owner, op, args_json)
      finish(owner, op, args_json, status, headers, body)
    end

    # Runs `op` on the host transport: the call_http JSON ({status, headers, body_text, json}).
    def call_http(owner, op, args_json)
      status, headers, body = exchange(owner, op, args_json)
      native = Internal.native(owner)
      if native.respond_to?(:finish_http)
        return native.finish_http(op, args_json, status, JSON.generate(headers.to_a), body)
      end

      json = Internal.parse(finish(owner, op, args_json, status, headers, body))
      JSON.generate("status" => status, "headers" => headers, "body_text" => body, "json" => json)
    end

    def clock
      Process.clock_gettime(Process::CLOCK_MONOTONIC)
    end

    def timeout_error(op, req, settings)
      Native::Error.new(JSON.generate("kind" => "timeout",
                                      "message" => "request timed out: #{URI(req["url"]).path} did not answer " \
                                                   "within #{settings[:timeout]}s (#{op})"))
    end

    def network_error(op, error, settings)
      kind = error.is_a?(Net::ReadTimeout) || error.is_a?(Net::OpenTimeout) ? "timeout" : "network"
      Native::Error.new(JSON.generate("kind" => kind,
                                      "message" => "#{op}: cannot reach #{Internal.redact(settings[:api_url])}: " \
                                                   "#{error.class}: #{error.message}"))
    end
  end
end
