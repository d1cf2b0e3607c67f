# frozen_string_literal: true

require "json"
require_relative "exceptions"
require_relative "native"

module OpenTok
  # Typed, verified callbacks (webhooks) from the OpenTok / Vonage Video service. No official SDK
  # has this; no web framework is needed.
  #
  #   event = OpenTok::Webhooks.parse(request.raw_post, request.headers, secret: ENV["OPENTOK_SIGNATURE_SECRET"])
  #   use OpenTok::Webhooks::Middleware, secret: ..., path: "/opentok/events"   # Rack: env["opentok.event"]
  #
  # With +secret+, the Authorization header's JWT must be HS256-signed with the signature secret,
  # within exp/iat (with +leeway+ seconds of skew, default 60), and its payload_hash (when present)
  # must be the SHA-256 of the body. Parsing is lenient: absent fields are nil, unknown fields are kept
  # in +extra+, and an unknown kind is an UnknownEvent.
  module Webhooks
    # The body is not JSON (+code+ is "invalid_body").
    class WebhookError < OpenTokError
      attr_reader :code

      def initialize(message, code)
        super(message)
        @code = code
      end
    end

    # A signed callback was refused. +code+: missing_signature, malformed_token, bad_signature,
    # expired, not_yet_valid or body_altered.
    class VerificationError < WebhookError; end

    ConnectionInfo = Struct.new(:id, :created_at, :data, keyword_init: true)
    StreamInfo = Struct.new(:id, :connection, :created_at, :name, :video_type, keyword_init: true)
    SipCallInfo = Struct.new(:id, :created_at, :sip_uri, :connection_id, keyword_init: true)

    # Common part of every event.
    class Event
      attr_reader :type, :raw, :extra, :claims

      def initialize(type, raw, extra, claims, verified, fields)
        @type = type
        @raw = raw
        @extra = extra
        @claims = claims
        @verified = verified
        fields.each { |k, v| instance_variable_set("@#{k}", v) }
      end

      def verified? = @verified

      def self.fields(*names)
        attr_reader(*names)
        const_set(:FIELDS, names.freeze)
      end
    end

    # connectionCreated / connectionDestroyed.
    class ConnectionEvent < Event
      fields :event, :session_id, :project_id, :timestamp, :reason, :connection
    end

    # streamCreated / streamDestroyed.
    class StreamEvent < Event
      fields :event, :session_id, :project_id, :timestamp, :reason, :stream
    end

    # sessionCreated / sessionDestroyed.
    class SessionEvent < Event
      fields :event, :session_id, :project_id, :timestamp, :reason
    end

    # Archive status.
    class ArchiveEvent < Event
      fields :id, :event, :status, :name, :reason, :session_id, :project_id, :partner_id, :created_at,
             :updated_at, :size, :duration, :output_mode, :stream_mode, :has_audio, :has_video, :resolution,
             :sha256sum, :url
    end

    # Broadcast status.
    class BroadcastEvent < Event
      fields :id, :event, :status, :reason, :session_id, :project_id, :partner_id, :created_at, :updated_at,
             :resolution, :stream_mode, :max_duration, :has_audio, :has_video, :broadcast_urls
    end

    # SIP call events.
    class SipCallEvent < Event
      fields :event, :session_id, :project_id, :timestamp, :reason, :state, :call, :connection
    end

    # Experience Composer status.
    class RenderEvent < Event
      fields :id, :event, :status, :reason, :session_id, :project_id, :application_id, :created_at,
             :updated_at, :name, :url, :resolution, :stream_id
    end

    # Live-captions status.
    class CaptionsEvent < Event
      fields :caption_id, :group, :status, :reason, :session_id, :project_id, :application_id, :created_at,
             :updated_at, :duration, :language_code, :provider
    end

    # Audio Connector status.
    class AudioConnectorEvent < Event
      fields :id, :group, :event, :status, :reason, :session_id, :project_id, :connection_id, :timestamp
    end

    # A body of a kind this version does not know (see +raw+).
    class UnknownEvent < Event
      FIELDS = [].freeze
    end

    KINDS = {
      "connection" => ConnectionEvent, "stream" => StreamEvent, "session" => SessionEvent,
      "archive" => ArchiveEvent, "broadcast" => BroadcastEvent, "sip_call" => SipCallEvent,
      "render" => RenderEvent, "captions" => CaptionsEvent, "audio_connector" => AudioConnectorEvent
    }.freeze

    class << self
      # Parses a callback body (the raw bytes) into a typed event; verifies it first when +secret+
      # is given. +headers+: a Hash (Rails request.headers, a Rack env with HTTP_AUTHORIZATION, …)
      # or [name, value] pairs. Raises VerificationError or WebhookError.
      def parse(body, headers = nil, secret: nil, leeway: 60, now: nil)
        answer = JSON.parse(Native.parse_webhook(body.to_s.b, JSON.generate(header_pairs(headers)),
                                                 secret && secret.to_s, leeway.to_f, now&.to_f))
        unless answer["ok"]
          err = answer["error"] || {}
          cls = err["code"] == "invalid_body" ? WebhookError : VerificationError
          raise cls.new(err["message"] || "callback refused", err["code"])
        end
        build(answer)
      end

      # Like parse, with the secret required.
      def verify(body, headers, secret, leeway: 60, now: nil)
        raise VerificationError.new("a signature secret is required", "missing_secret") if secret.nil? || secret.empty?

        parse(body, headers, secret: secret, leeway: leeway, now: now)
      end

      private

      def header_pairs(headers)
        return [] if headers.nil?

        pairs = []
        headers.each do |k, v|
          next if v.nil?

          name = k.to_s
          name = "Authorization" if name == "HTTP_AUTHORIZATION"
          next unless v.is_a?(String) || v.is_a?(Array) || v.is_a?(Numeric)

          pairs << [name, v.is_a?(Array) ? v.join(", ") : v.to_s]
        end
        pairs
      end

      def nested(name, value)
        return value unless value.is_a?(Hash)

        case name
        when "connection" then ConnectionInfo.new(**value.slice("id", "created_at", "data").transform_keys(&:to_sym))
        when "stream"
          StreamInfo.new(id: value["id"], connection: nested("connection", value["connection"]),
                         created_at: value["created_at"], name: value["name"], video_type: value["video_type"])
        when "call" then SipCallInfo.new(**value.slice("id", "created_at", "sip_uri", "connection_id").transform_keys(&:to_sym))
        else value
        end
      end

      def build(answer)
        cls = KINDS.fetch(answer["type"], UnknownEvent)
        fields = (answer["fields"] || {}).dup
        extra = fields.delete("extra") || {}
        known = cls::FIELDS.map(&:to_s)
        values = fields.select { |k, _| known.include?(k) }.to_h { |k, v| [k, nested(k, v)] }
        cls.new(answer["type"], answer["raw"], extra, answer["claims"], answer["verified"] == true, values)
      end
    end

    # Rack middleware: verifies and parses POSTs to +path+ (every POST when nil), sets
    # env["opentok.event"], and answers 401 (400 for a body that is not JSON) when refused.
    class Middleware
      def initialize(app, secret: nil, path: nil, leeway: 60)
        @app = app
        @secret = secret
        @path = path
        @leeway = leeway
      end

      def call(env)
        return @app.call(env) unless env["REQUEST_METHOD"] == "POST" && (@path.nil? || env["PATH_INFO"] == @path)

        input = env["rack.input"]
        body = input ? input.read.to_s : ""
        input.rewind if input.respond_to?(:rewind)
        headers = env.select { |k, _| k.start_with?("HTTP_") || k == "CONTENT_TYPE" }
        begin
          env["opentok.event"] = Webhooks.parse(body, headers, secret: @secret, leeway: @leeway)
        rescue WebhookError => e
          status = e.code == "invalid_body" ? 400 : 401
          return [status, { "content-type" => "text/plain" }, [e.code.to_s]]
        end
        @app.call(env)
      end
    end
  end
end
