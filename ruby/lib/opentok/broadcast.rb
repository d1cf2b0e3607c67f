# frozen_string_literal: true

require_relative "resource"

module OpenTok
  # A live-streaming broadcast (HLS and/or RTMP) of an OpenTok session.
  #
  # Readers: id, session_id, project_id/partner_id, created_at, updated_at, resolution, status,
  # broadcast_urls ({"hls" => url, "rtmp" => [...]}), max_duration, max_bitrate, stream_mode,
  # streams, settings, has_audio, has_video, multi_broadcast_tag; any other field by its
  # snake_case name.
  class Broadcast < Resource
    fields :id, :session_id, :project_id, :created_at, :updated_at, :resolution, :status,
           :broadcast_urls, :max_duration, :max_bitrate, :stream_mode, :streams, :settings,
           :has_audio, :has_video, :multi_broadcast_tag, :event

    # The API key (project id) the broadcast belongs to.
    def partner_id
      @json.key?("partnerId") ? @json["partnerId"] : @json["projectId"]
    end

    # Stops the broadcast; the object is updated with the API's answer.
    def stop
      @json = @interface.stop(id).to_h
      self
    end

    # Changes the layout (options :type, :stylesheet, :screenshare_type). Returns true.
    def layout(options = {})
      @interface.layout(id, options)
    end

    # Adds a stream to a broadcast started with stream_mode "manual" (checked locally, as the
    # official gem does). Returns true.
    def add_stream(stream_id, options = {})
      manual!
      @interface.add_stream(id, stream_id, options)
    end

    # Removes a stream from a broadcast started with stream_mode "manual". Returns true.
    def remove_stream(stream_id)
      manual!
      @interface.remove_stream(id, stream_id)
    end

    private

    def manual!
      return if @json["streamMode"] == "manual"

      raise OpenTokBroadcastError, "stream_mode must be manual in order to add or remove streams"
    end
  end
end
