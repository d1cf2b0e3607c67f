# frozen_string_literal: true

require_relative "internal"

module OpenTok
  # Project callbacks (legacy; not in the official Ruby gem): `opentok.callbacks`.
  class Callbacks
    # @private
    def initialize(client)
      @client = client
    end

    # Registers a callback URL for an event group ("archive", "connection", ...). Returns a Hash.
    def register(group, event, url, options = {})
      fixed = { "group" => Internal.id!("group", group), "event" => Internal.id!("event", event), "url" => Internal.id!("url", url) }
      Internal.call(@client, "register_callback", Internal.args(fixed, options))
    end

    # Registered callbacks, an Array of Hashes.
    def all
      Internal.call(@client, "list_callbacks", {})
    end
    alias list all

    # Removes a callback. Returns true.
    def unregister(callback_id)
      Internal.call(@client, "unregister_callback", { "callback_id" => Internal.id!("callback_id", callback_id) })
      true
    end
  end
end
