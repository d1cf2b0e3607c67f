# frozen_string_literal: true

require_relative "internal"
require_relative "stream"
require_relative "stream_list"

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
      Stream.new(Internal.call(@client, "get_stream", args))
    end

    # Every stream of the session, as a StreamList.
    def all(session_id)
      args = { "session_id" => Internal.id!("session_id", session_id) }
      StreamList.new(Internal.call(@client, "list_streams", args))
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
    def layout_stream(session_id, stream_id, layout_class_list, options = {})
      fixed = { "session_id" => Internal.id!("session_id", session_id), "stream_id" => Internal.id!("stream_id", stream_id),
                "layout_class_list" => Internal.wire(layout_class_list) }
      Internal.call(@client, "set_stream_class_list", Internal.args(fixed, options))
      true
    end

    # Force-mutes one stream. Returns the HTTP answer (a Response, as the official gem).
    def force_mute(session_id, stream_id)
      args = { "session_id" => Internal.id!("session_id", session_id), "stream_id" => Internal.id!("stream_id", stream_id) }
      Internal.call_response(@client, "mute_stream", args)
    end

    # Force-mutes every stream except opts[:excluded_stream_ids] (also :excludedStreamIds and the
    # official :excluded_streams). Returns the HTTP answer (a Response).
    def force_mute_all(session_id, opts = {})
      sid = Internal.id!("session_id", session_id)
      Internal.call_response(@client, "mute_all", Internal.args({ session_id: sid }, opts, "opts"))
    end

    # Ends a force-mute-all. Returns the HTTP answer (a Response).
    def disable_force_mute(session_id)
      Internal.call_response(@client, "disable_force_mute", { "session_id" => Internal.id!("session_id", session_id) })
    end
  end
end
