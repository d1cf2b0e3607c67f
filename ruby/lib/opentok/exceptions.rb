# frozen_string_literal: true

module OpenTok
  # Base class of every error raised for a failed OpenTok request.
  #
  # Besides the message it carries what the server said: {#status} (HTTP status, nil for timeouts
  # and network failures), {#server_message}, {#code}, {#request_id}, and {#kind}
  # (:auth, :not_found, :conflict, :rate_limited, :api, :timeout, :network or :decode).
  class OpenTokError < StandardError
    attr_reader :status, :code, :server_message, :request_id, :kind, :retry_after, :operation

    def initialize(message = nil, payload = nil, operation = nil)
      payload ||= {}
      super(message || payload["message"])
      @status = payload["status"]
      @code = payload["code"]
      @server_message = payload["server_message"]
      @request_id = payload["request_id"]
      @kind = payload["kind"]&.to_sym
      @retry_after = payload["retry_after"]
      @operation = operation
    end
  end

  # Errors of archive methods.
  class OpenTokArchiveError < OpenTokError; end
  # Errors of SIP methods.
  class OpenTokSipError < OpenTokError; end
  # The API key or secret was rejected (HTTP 401/403).
  class OpenTokAuthenticationError < OpenTokError; end
  # Errors of connection methods (force disconnect, connection listing).
  class OpenTokConnectionError < OpenTokError; end
  # Errors setting stream layout classes.
  class OpenTokStreamLayoutError < OpenTokError; end
  # Errors of broadcast methods.
  class OpenTokBroadcastError < OpenTokError; end
  # Errors of Audio Connector (WebSocket) methods.
  class OpenTokWebSocketError < OpenTokError; end
  # Errors of Experience Composer (render) methods.
  class OpenTokRenderError < OpenTokError; end
  # Errors of live-caption methods.
  class OpenTokCaptionsError < OpenTokError; end

  # Every bad-argument error of this gem (nothing was sent) includes this module, so
  # `rescue OpenTok::InvalidArgument` catches them all; {#field} names the offending option or
  # parameter. The concrete class is the one the official gem raises for that check:
  # {InvalidArgumentError} (an ArgumentError) or {InvalidArgumentRuntimeError} (a RuntimeError,
  # where the official gem does `raise "..."`: token options, session location, archive mode).
  module InvalidArgument
    attr_reader :field, :reason

    def initialize(message = nil, field: nil, reason: nil)
      super(message)
      @field = field
      @reason = reason
    end
  end

  # A bad argument where the official gem raises ArgumentError.
  class InvalidArgumentError < ::ArgumentError
    include InvalidArgument
  end

  # A bad argument where the official gem raises RuntimeError (`raise "..."`).
  class InvalidArgumentRuntimeError < ::RuntimeError
    include InvalidArgument
  end
end
