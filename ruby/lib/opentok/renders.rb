# frozen_string_literal: true

require_relative "internal"
require_relative "render"
require_relative "render_list"

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
      Checks.render!(Internal.options!(opts, "opts"))
      Render.new(self, Internal.call(@client, "start_render", Internal.args({ session_id: sid }, opts, "opts")))
    end

    # Stops a render. Returns a Render built from the answer (as the official gem; the id is
    # kept when the answer has no body).
    def stop(render_id)
      id = Internal.id!("render_id", render_id)
      json = Internal.call(@client, "stop_render", { "render_id" => id })
      Render.new(self, json.is_a?(Hash) ? json : { "id" => id })
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
