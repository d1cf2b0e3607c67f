# frozen_string_literal: true

require_relative "internal"
require_relative "archive"
require_relative "archive_list"

module OpenTok
  # Archive (recording) methods: `opentok.archives`.
  class Archives
    # Options archives.create keeps (the official gem's list plus the transcription options).
    CREATE_KEYS = %w[name has_audio has_video output_mode resolution layout multi_archive_tag stream_mode
                     max_bitrate quantization_parameter has_transcription transcription_properties].freeze

    # @private
    def initialize(client)
      @client = client
    end

    # Starts recording a session. Options: :name, :has_audio, :has_video, :output_mode
    # (:composed/:individual), :resolution, :layout ({type:, stylesheet:, screenshare_type:}),
    # :stream_mode (:auto/:manual), :multi_archive_tag, :max_bitrate, :quantization_parameter,
    # :has_transcription, :transcription_properties. Returns an Archive.
    # @raise [OpenTokArchiveError] [OpenTokAuthenticationError] [ArgumentError]
    # As in the official gem, option keys other than these are dropped.
    def create(session_id, options = {})
      sid = Internal.id!("session_id", session_id)
      opts = Internal.options!(options).select { |k, _| CREATE_KEYS.include?(k.to_s) }
      Checks.archive!(opts)
      Archive.new(self, Internal.call(@client, "start_archive", Internal.args({ session_id: sid }, opts)))
    end

    # The Archive with this id.
    def find(archive_id)
      id = Internal.id!("archive_id", archive_id)
      Archive.new(self, Internal.call(@client, "get_archive", { "archive_id" => id }))
    end

    # One page of archives (options :offset, :count (<= 1000), :session_id / :sessionId).
    # Returns an ArchiveList (an Array with #total).
    def all(options = {})
      Checks.count!(Internal.options!(options))
      ArchiveList.new(self, Internal.call(@client, "list_archives", Internal.args({}, options)))
    end

    # Every archive (walks all pages; options :session_id, :offset, :count = page size).
    def all_pages(options = {})
      items = Internal.call_all(@client, "list_archives", Internal.args({}, options))
      ArchiveList.new(self, { "count" => items.size, "items" => items })
    end

    # Stops a recording. Returns the Archive.
    def stop_by_id(archive_id)
      id = Internal.id!("archive_id", archive_id)
      Archive.new(self, Internal.call(@client, "stop_archive", { "archive_id" => id }))
    end

    # Deletes an archive. Returns true.
    def delete_by_id(archive_id)
      id = Internal.id!("archive_id", archive_id)
      Internal.call(@client, "delete_archive", { "archive_id" => id })
      true
    end

    # Changes a composed archive's layout (:type, :stylesheet, :screenshare_type). Returns true.
    def layout(archive_id, options = {})
      id = Internal.id!("archive_id", archive_id)
      opts = Internal.options!(options)
      Checks.layout!(opts)
      layout = Internal.pass(opts, top: true)

      Internal.call(@client, "set_archive_layout", { "archive_id" => id, "layout" => layout })
      true
    end

    # Adds a stream to an archive with stream_mode "manual" (:has_audio, :has_video). Returns true.
    def add_stream(archive_id, stream_id, options = {})
      fixed = { archive_id: Internal.id!("archive_id", archive_id), stream_id: Internal.id!("stream_id", stream_id) }
      Checks.add_stream!(Internal.options!(options))
      Internal.call(@client, "add_archive_stream", Internal.args(fixed, options))
      true
    end

    # Removes a stream from an archive with stream_mode "manual". Returns true.
    def remove_stream(archive_id, stream_id)
      fixed = { "archive_id" => Internal.id!("archive_id", archive_id), "stream_id" => Internal.id!("stream_id", stream_id) }
      Internal.call(@client, "remove_archive_stream", fixed)
      true
    end
  end
end
