# frozen_string_literal: true

module OpenTok
  # A live-streaming broadcast (HLS and/or RTMP) of an OpenTok session.
  #
  # Readers: id, session_id, project_id/partner_id, created_at, updated_at, resolution, status,
  # broadcast_urls ({"hls" => url, "rtmp" => [...]}), max_duration, max_bitrate, stream_mode,
  # streams, settings, has_audio, has_video, multi_broadcast_tag.
  class Broadcast < Resource
    fields :id, :session_id, :project_id, :created_at, :updated_at, :resolution, :status,
           :broadcast_urls, :max_duration, :max_bitrate, :stream_mode, :streams, :settings,
           :has_audio, :has_video, :multi_broadcast_tag, :event

    # The API key (project id) the broadcast belongs to.
    def partner_id
      @json["partnerId"] || @json["projectId"]
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

    # Adds a stream to a broadcast started with stream_mode "manual". Returns true.
    def add_stream(stream_id, options = {})
      @interface.add_stream(id, stream_id, options)
    end

    # Removes a stream from a broadcast started with stream_mode "manual". Returns true.
    def remove_stream(stream_id)
      @interface.remove_stream(id, stream_id)
    end
  end

  # An Array of Broadcast objects with the total number of broadcasts.
  class BroadcastList < ResourceList
    # @private
    def initialize(interface, json)
      super(interface, json, Broadcast)
    end
  end
end
