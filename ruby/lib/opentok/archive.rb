# frozen_string_literal: true

require_relative "resource"

module OpenTok
  # An archive (recording) of an OpenTok session.
  #
  # Readers: id, session_id, name, status, created_at (ms), duration (s), size, url,
  # has_audio, has_video, output_mode (a Symbol, as in the official gem), stream_mode, resolution,
  # reason, partner_id/project_id, streams, multi_archive_tag, max_bitrate, quantization_parameter,
  # has_transcription, transcription, password, sha256sum; any other field by its snake_case name.
  class Archive < Resource
    fields :id, :session_id, :name, :status, :created_at, :updated_at, :duration, :size, :url,
           :has_audio, :has_video, :stream_mode, :resolution, :reason, :project_id,
           :streams, :multi_archive_tag, :max_bitrate, :quantization_parameter, :has_transcription,
           :transcription, :password, :sha256sum, :event

    # :composed or :individual (nil when the answer has no outputMode).
    def output_mode
      mode = @json["outputMode"]
      mode.is_a?(String) ? mode.to_sym : mode
    end

    # The API key (project id) the archive belongs to.
    def partner_id
      @json.key?("partnerId") ? @json["partnerId"] : @json["projectId"]
    end

    # Stops the archive; the object is updated with the API's answer.
    def stop
      @json = @interface.stop_by_id(id).to_h
      self
    end

    # Deletes the archive. Returns true.
    def delete
      @interface.delete_by_id(id)
    end

    # Changes the layout (options :type, :stylesheet, :screenshare_type). Returns true.
    def layout(options = {})
      @interface.layout(id, options)
    end

    # Adds a stream to an archive started with stream_mode "manual" (checked locally, as the
    # official gem does). Returns true.
    def add_stream(stream_id, options = {})
      manual!
      @interface.add_stream(id, stream_id, options)
    end

    # Removes a stream from an archive started with stream_mode "manual". Returns true.
    def remove_stream(stream_id)
      manual!
      @interface.remove_stream(id, stream_id)
    end

    private

    def manual!
      return if @json["streamMode"] == "manual"

      raise OpenTokArchiveError, "stream_mode must be manual in order to add or remove streams"
    end
  end
end
