# frozen_string_literal: true

module OpenTok
  # @private `hash.extend(HashExtensions).camelize_keys!`: top-level keys to lowerCamelCase
  # (`:max_duration` -> `:maxDuration`, String keys stay Strings), as the official gem's helper.
  module HashExtensions
    def camelize_keys!
      keys.each do |k|
        head, *rest = k.to_s.split("_")
        camel = rest.empty? ? k.to_s : head.to_s + rest.map(&:capitalize).join
        new_key = k.is_a?(Symbol) ? camel.to_sym : camel
        self[new_key] = delete(k) unless new_key == k
      end
      self
    end
  end
end
