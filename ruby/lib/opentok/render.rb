# frozen_string_literal: true

module OpenTok
  # An Experience Composer render. Readers: id, session_id, project_id, created_at, updated_at,
  # url, resolution, status, stream_id, reason.
  class Render < Resource
    fields :id, :session_id, :project_id, :created_at, :updated_at, :url, :resolution, :status,
           :stream_id, :reason, :callback_url, :name

    # Stops the render. Returns self.
    def stop
      @interface.stop(id)
      self
    end

    # Refreshes the render from the API. Returns self.
    def info
      @json = @interface.find(id).to_h
      self
    end
  end

  # An Array of Render objects with the total count.
  class RenderList < ResourceList
    # @private
    def initialize(interface, json)
      super(interface, json, Render)
    end
  end
end
