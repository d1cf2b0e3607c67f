# frozen_string_literal: true

module OpenTok
  # Experience Composer: `opentok.renders`.
  class Renders
    # @private
    def initialize(client)
      @client = client
    end

    # Starts a render. Options: :token, :url, :max_duration, :resolution, :properties ({name:}),
    # :status_callback_url. Returns a Render.
    def start(session_id, opts = {})
      sid = Internal.id!("session_id", session_id)
      Render.new(self, Internal.call(@client, "start_render", Internal.args({ session_id: sid }, opts, "opts")))
    end

    # Stops a render. Returns true.
    def stop(render_id)
      Internal.call(@client, "stop_render", { "render_id" => Internal.id!("render_id", render_id) })
      true
    end

    # The Render with this id.
    def find(render_id)
      Render.new(self, Internal.call(@client, "get_render", { "render_id" => Internal.id!("render_id", render_id) }))
    end

    # One page of renders (:offset, :count). Returns a RenderList.
    def list(options = {})
      RenderList.new(self, Internal.call(@client, "list_renders", Internal.args({}, options)))
    end
  end
end
