# frozen_string_literal: true

require_relative "resource"

module OpenTok
  # An Experience Composer render. Readers: id, session_id, project_id, created_at, updated_at,
  # url, resolution, status, stream_id, reason; any other field by its snake_case name.
  class Render < Resource
    fields :id, :session_id, :project_id, :created_at, :updated_at, :url, :resolution, :status,
           :stream_id, :reason, :callback_url, :name

    # Stops the render. Returns the Render the API answered (see Renders#stop).
    def stop
      @interface.stop(id)
    end

    # Refreshes the render from the API. Returns self.
    def info
      @json = @interface.find(id).to_h
      self
    end
  end
end
