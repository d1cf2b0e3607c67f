# frozen_string_literal: true

require "set"

module OpenTok
  # Default REST base URL.
  API_URL = "https://api.opentok.com"
  # Prefix of legacy (T1) client tokens.
  TOKEN_SENTINEL = "T1=="
  # Lifetime in seconds of the REST authentication JWT (X-OPENTOK-AUTH).
  AUTH_EXPIRE = 300
  # Token roles.
  ROLES = { subscriber: "subscriber", publisher: "publisher", moderator: "moderator",
            publisheronly: "publisheronly" }.freeze
  # Session archive modes.
  ARCHIVE_MODES = ::Set.new(%i[always manual])
  # Session media modes.
  MEDIA_MODES = ::Set.new(%i[routed relayed])
end
