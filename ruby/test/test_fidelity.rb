# frozen_string_literal: true

require_relative "test_helper"
require_relative "canned_server"
require_relative "public_ops"

# For every responses.json `passthrough` vector, the public Ruby API (on both transports) exposes
# the values tests/vectors/fidelity/ruby.json says the official gem exposes.
class TestFidelity < Minitest::Test
  PASSTHROUGH = vectors("responses.json")["passthrough"]
  EXPECTED = vectors(File.join("fidelity", "ruby.json"))["vectors"]

  def setup
    @server = CannedServer.new
  end

  def teardown
    @server.close
  end

  def want(value)
    return value unless value.is_a?(Hash)
    return value["symbol"].to_sym if value.keys == ["symbol"]
    return value["float"].to_f if value.keys == ["float"]

    value
  end

  def dig(obj, path)
    path.split(".").reduce(obj) do |o, seg|
      if seg =~ /\A\d+\z/ then o[Integer(seg)]
      elsif seg =~ /\A\[(.+)\]\z/ then o[Regexp.last_match(1)]
      else o.public_send(seg)
      end
    end
  end

  def check(c, expected, transport)
    ot = OpenTok::OpenTok.new(API_KEY, API_SECRET, api_url: @server.url, transport: transport, max_retries: 0)
    @server.answer(c["status"], c["body_text"], "Content-Type" => c["content_type"])
    call = -> { PublicOps::OPS.fetch(c["op"]).call(ot, c["args"]) }
    if expected["error"]
      err = assert_raises(StandardError) { call.call }
      assert_equal expected["error"], err.class.name, "#{c["name"]} (#{transport})"
      return
    end
    obj = call.call
    return assert_equal(expected["value"], obj, c["name"]) if expected.key?("value")

    assert_equal expected["class"], obj.class.name, "#{c["name"]} (#{transport})"
    expected["expect"].each do |path, value|
      got = dig(obj, path)
      w = want(value)
      msg = "#{c["name"]}: #{path} (#{transport})"
      if w.nil? then assert_nil got, msg else assert_equal w, got, msg end
      assert_equal w.class, got.class, msg unless w.nil?
    end
  ensure
    @server.take
  end

  def test_every_passthrough_vector_has_an_expectation
    assert_equal PASSTHROUGH.map { |c| c["name"] }.sort, EXPECTED.keys.sort
  end

  PASSTHROUGH.each_with_index do |c, i|
    %i[native host].each do |transport|
      define_method("test_#{i}_#{transport}_#{c["op"]}") do
        expected = EXPECTED.fetch(c["name"])
        check(c, expected, transport)
      end
    end
  end
end
