# frozen_string_literal: true

module OpenTok
  # Stream methods: `opentok.streams`.
  class Streams
    # @private
    def initialize(client)
      @client = client
    end

    # The Stream with this id in the session.
    def find(session_id, stream_id)
      args = { "session_id" => Internal.id!("session_id", session_id), "stream_id" => Internal.id!("stream_id", stream_id) }
      Stream.new(self, Internal.call(@client, "get_stream", args))
    end

    # Every stream of the session, as a StreamList.
    def all(session_id)
      args = { "session_id" => Internal.id!("session_id", session_id) }
      StreamList.new(self, Internal.call(@client, "list_streams", args))
    end

    # Sets layout classes of several streams: opts = {items: [{id:, layoutClassList: [...]}]}.
    # Returns true.
    def layout(session_id, opts)
      sid = Internal.id!("session_id", session_id)
      opts = Internal.options!(opts, "opts")
      raise InvalidArgumentError.new("opts is empty", field: "items", reason: "empty") if opts.empty?

      Internal.call(@client, "set_stream_class_lists", Internal.args({ session_id: sid }, opts))
      true
    end

    # Sets one stream's layout classes (not in the official gem). Returns true.
    def layout_stream(session_id, stream_id, layout_class_list)
      args = { "session_id" => Internal.id!("session_id", session_id), "stream_id" => Internal.id!("stream_id", stream_id),
               "layout_class_list" => Internal.wire(layout_class_list) }
      Internal.call(@client, "set_stream_class_list", args)
      true
    end

    # Force-mutes one stream. Returns true.
    def force_mute(session_id, stream_id)
      args = { "session_id" => Internal.id!("session_id", session_id), "stream_id" => Internal.id!("stream_id", stream_id) }
      Internal.call(@client, "mute_stream", args)
      true
    end

    # Force-mutes every stream except opts[:excluded_stream_ids] (also :excludedStreamIds and the
    # official :excluded_streams). Returns true.
    def force_mute_all(session_id, opts = {})
      sid = Internal.id!("session_id", session_id)
      Internal.call(@client, "mute_all", Internal.args({ session_id: sid }, opts, "opts"))
      true
    end

    # Ends a force-mute-all. Returns true.
    def disable_force_mute(session_id)
      Internal.call(@client, "disable_force_mute", { "session_id" => Internal.id!("session_id", session_id) })
      true
    end
  end
end
