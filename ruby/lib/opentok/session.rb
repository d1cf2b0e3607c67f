# frozen_string_literal: true

module OpenTok
  # An OpenTok session, as returned by OpenTok#create_session.
  class Session
    attr_reader :session_id, :media_mode, :location, :archive_mode, :archive_name, :archive_resolution,
                :e2ee, :api_key, :project_id

    # True when the session id decodes and names this api key.
    def self.belongs_to_api_key?(session_id, api_key)
      info = JSON.parse(Native.decode_session_id(session_id.to_s))
      info["api_key"] == api_key.to_s
    rescue Native::Error
      false
    end

    # Session.new(api_key, api_secret, session_id, opts = {}) as in the official gem.
    def initialize(api_key, api_secret, session_id, opts = {}, client = nil)
      @api_key = api_key.to_s
      @session_id = session_id
      @opentok = client || OpenTok.new(api_key, api_secret)
      opts ||= {}
      @media_mode = opts[:media_mode]&.to_sym
      @archive_mode = opts[:archive_mode]&.to_sym
      @location = opts[:location]
      @archive_name = opts[:archive_name]
      @archive_resolution = opts[:archive_resolution]
      @e2ee = opts[:e2ee]
      @project_id = opts[:project_id]
    end

    # The API secret (kept out of #inspect).
    def api_secret
      @opentok.api_secret
    end

    # Generates a client token for this session (see OpenTok#generate_token).
    def generate_token(options = {})
      @opentok.generate_token(@session_id, options)
    end

    def to_s
      @session_id
    end

    def inspect
      "#<OpenTok::Session session_id=#{@session_id.inspect} media_mode=#{@media_mode.inspect} archive_mode=#{@archive_mode.inspect}>"
    end
  end
end
