# frozen_string_literal: true

require_relative "internal"
require_relative "constants"
require_relative "version"
require_relative "extensions/hash"

module OpenTok
  # The official gem's low-level client, kept for code that signs its own REST calls:
  # `generate_jwt(api_key, api_secret)` (the X-OPENTOK-AUTH JWT: iss, ist "project", iat,
  # exp = iat + AUTH_EXPIRE, jti) and `generate_headers(extra = {})`. The REST operations
  # themselves are reached through OpenTok::OpenTok (archives, broadcasts, ...).
  class Client
    include SafeDump
    attr_accessor :api_key, :api_url, :ua_addendum, :timeout_length

    def initialize(api_key, api_secret, api_url = API_URL, ua_addendum = "", opts = {})
      @api_key = api_key
      @api_secret = Internal::Secret.new(api_secret)
      @api_url = api_url
      @ua_addendum = ua_addendum
      @timeout_length = (opts || {})[:timeout_length] || 2
    end

    def api_secret
      @api_secret.value
    end

    def api_secret=(value)
      @api_secret = Internal::Secret.new(value)
    end

    # A fresh REST authentication JWT for these credentials.
    def generate_jwt(api_key, api_secret)
      Internal.native_for(api_key, api_secret).auth_header[1]
    rescue Native::Error => e
      raise Internal.map_error(e, "generate_jwt")
    end

    # {"X-OPENTOK-AUTH" => jwt, "Accept" => "application/json"} merged with extra_headers.
    def generate_headers(extra_headers = {})
      { "X-OPENTOK-AUTH" => generate_jwt(@api_key, api_secret), "Accept" => "application/json" }.merge(extra_headers)
    end

    # The official client's REST methods that code outside the gem is known to call; each returns
    # the HTTP answer (a Response, as the official returns its HTTParty response) and raises the
    # official classes. The rest of the REST API is on OpenTok::OpenTok.
    def start_archive(session_id, opts = {})
      rest("start_archive", { session_id: Internal.id!("session_id", session_id) }, opts)
    end

    def get_archive(archive_id)
      rest("get_archive", { archive_id: Internal.id!("archive_id", archive_id) })
    end

    def list_archives(offset, count, session_id = nil)
      rest("list_archives", { offset: offset, count: count, session_id: session_id }.compact)
    end

    def stop_archive(archive_id)
      rest("stop_archive", { archive_id: Internal.id!("archive_id", archive_id) })
    end

    def delete_archive(archive_id)
      rest("delete_archive", { archive_id: Internal.id!("archive_id", archive_id) })
    end

    def dial(session_id, token, sip_uri, opts = {})
      rest("dial", { session_id: Internal.str!("session_id", session_id), token: Internal.str!("token", token),
                     uri: Internal.str!("sip_uri", sip_uri) }, opts)
    end

    def inspect
      "#<OpenTok::Client api_key=#{@api_key.inspect} api_url=#{Internal.redact(@api_url).inspect}>"
    end
    alias to_s inspect

    def as_json(*)
      { "api_key" => @api_key, "api_url" => Internal.redact(@api_url), "ua_addendum" => @ua_addendum, "timeout_length" => @timeout_length }
    end

    private

    def rest(op, fixed, opts = {})
      require_relative "opentok" unless defined?(::OpenTok::OpenTok)
      @opentok ||= OpenTok.new(@api_key, api_secret, api_url: @api_url, ua_addendum: @ua_addendum,
                                                     timeout_length: @timeout_length)
      Internal.call_response(@opentok, op, Internal.args(fixed, opts))
    end
  end
end
