# frozen_string_literal: true

require_relative "internal"
require_relative "broadcast"
require_relative "broadcast_list"

module OpenTok
  # Live-streaming broadcast methods: `opentok.broadcasts`.
  class Broadcasts
    # @private
    def initialize(client)
      @client = client
    end

    # Starts a broadcast. Options (official spellings accepted): :outputs ({hls: {dvr:, low_latency:},
    # rtmp: [{id:, serverUrl:, streamName:}] or one Hash}), :layout, :maxDuration / :max_duration,
    # :maxBitRate / :max_bitrate, :resolution, :streamMode / :stream_mode,
    # :multiBroadcastTag / :multi_broadcast_tag, :has_audio, :has_video. Returns a Broadcast.
    def create(session_id, options = {})
      sid = Internal.id!("session_id", session_id)
      Checks.broadcast!(Internal.options!(options))
      args = Internal.args({ session_id: sid }, options)
      # one RTMP target given as a Hash is sent as a one-element list (the documented shape)
      rtmp = args["outputs"]["rtmp"] if args["outputs"].is_a?(Hash)
      args["outputs"]["rtmp"] = [rtmp] if rtmp.is_a?(Hash)
      Broadcast.new(self, Internal.call(@client, "start_broadcast", args))
    end

    # The Broadcast with this id.
    def find(broadcast_id)
      id = Internal.id!("broadcast_id", broadcast_id)
      Broadcast.new(self, Internal.call(@client, "get_broadcast", { "broadcast_id" => id }))
    end

    # Stops a broadcast. Returns the Broadcast.
    def stop(broadcast_id)
      id = Internal.id!("broadcast_id", broadcast_id)
      Broadcast.new(self, Internal.call(@client, "stop_broadcast", { "broadcast_id" => id }))
    end

    # One page of broadcasts (:offset, :count, :session_id / :sessionId). Returns a BroadcastList.
    def all(options = {})
      Checks.count!(Internal.options!(options))
      BroadcastList.new(self, Internal.call(@client, "list_broadcasts", Internal.args({}, options)))
    end

    # Every broadcast (walks all pages).
    def all_pages(options = {})
      items = Internal.call_all(@client, "list_broadcasts", Internal.args({}, options))
      BroadcastList.new(self, { "count" => items.size, "items" => items })
    end

    # Changes a broadcast's layout (:type, :stylesheet, :screenshare_type). Returns true.
    def layout(broadcast_id, options = {})
      id = Internal.id!("broadcast_id", broadcast_id)
      opts = Internal.options!(options)
      Checks.layout!(opts)
      layout = Internal.pass(opts, top: true)

      Internal.call(@client, "set_broadcast_layout", { "broadcast_id" => id, "layout" => layout })
      true
    end

    # Adds a stream to a broadcast with stream_mode "manual" (:has_audio, :has_video). Returns true.
    def add_stream(broadcast_id, stream_id, options = {})
      fixed = { broadcast_id: Internal.id!("broadcast_id", broadcast_id), stream_id: Internal.id!("stream_id", stream_id) }
      Checks.add_stream!(Internal.options!(options))
      Internal.call(@client, "add_broadcast_stream", Internal.args(fixed, options))
      true
    end

    # Removes a stream from a broadcast with stream_mode "manual". Returns true.
    def remove_stream(broadcast_id, stream_id)
      fixed = { "broadcast_id" => Internal.id!("broadcast_id", broadcast_id), "stream_id" => Internal.id!("stream_id", stream_id) }
      Internal.call(@client, "remove_broadcast_stream", fixed)
      true
    end
  end
end
