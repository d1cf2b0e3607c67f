# frozen_string_literal: true

require "json"
require_relative "internal"
require_relative "token_generator"

module OpenTok
  # An OpenTok session: what OpenTok#create_session returns, or built directly with
  # `Session.new(api_key, api_secret, session_id, opts = {})` as in the official gem (defaults
  # media_mode :relayed, archive_mode :manual, e2ee :false).
  class Session
    include SafeDump
    include TokenGenerator
    # The official arguments of the token lambdas (generate_token below is the fast path).
    @arg_lambdas = {
      api_key: ->(instance) { instance.api_key },
      api_secret: ->(instance) { instance.api_secret },
      session_id: ->(instance) { instance.session_id }
    }.freeze

    attr_reader :session_id, :media_mode, :location, :archive_mode, :archive_name, :archive_resolution,
                :e2ee, :api_key, :project_id

    # True when the session id decodes and names this api key.
    def self.belongs_to_api_key?(session_id, api_key)
      info = JSON.parse(Native.decode_session_id(session_id.to_s))
      info["api_key"] == api_key.to_s
    rescue Native::Error
      false
    end

    def initialize(api_key, api_secret, session_id, opts = {})
      opts ||= {}
      @api_key = api_key
      @api_secret = Internal::Secret.new(api_secret)
      @session_id = session_id
      @media_mode = opts.fetch(:media_mode, :relayed)
      @location = opts[:location]
      @archive_mode = opts.fetch(:archive_mode, :manual)
      @archive_name = opts[:archive_name]
      @archive_resolution = opts[:archive_resolution]
      @e2ee = opts.fetch(:e2ee, :false) # rubocop:disable Lint/BooleanSymbol -- the official default
      @project_id = opts[:project_id]
    end

    # The API secret (kept out of inspect, to_json, as_json and to_yaml).
    def api_secret
      @api_secret.value
    end

    # Generates a client token for this session (see OpenTok#generate_token).
    def generate_token(options = {})
      native = @native || Internal.native_for(@api_key, api_secret)
      Internal.token(native, @session_id, options)
    end

    def to_s
      @session_id
    end

    def inspect
      "#<OpenTok::Session session_id=#{@session_id.inspect} media_mode=#{@media_mode.inspect} archive_mode=#{@archive_mode.inspect}>"
    end

    # The session's public fields (never the API secret).
    def as_json(*)
      { "session_id" => @session_id, "api_key" => @api_key, "media_mode" => @media_mode, "location" => @location,
        "archive_mode" => @archive_mode, "archive_name" => @archive_name,
        "archive_resolution" => @archive_resolution, "e2ee" => @e2ee }
    end

    # @private the OpenTok client that created this session signs its tokens.
    def __attach_native(owner)
      @native = owner
      self
    end
  end
end
