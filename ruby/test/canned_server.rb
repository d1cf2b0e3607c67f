# frozen_string_literal: true

require "socket"
require "openssl"

# A one-answer HTTP server on 127.0.0.1 that records the raw request it received.
class CannedServer
  attr_reader :url

  # With an OpenSSL::SSL::SSLContext, the server speaks TLS (url is https://).
  def initialize(tls: nil)
    tcp = TCPServer.new("127.0.0.1", 0)
    port = tcp.addr[1]
    @server = tls ? OpenSSL::SSL::SSLServer.new(tcp, tls) : tcp
    @url = "#{tls ? "https" : "http"}://127.0.0.1:#{port}"
    @requests = Queue.new
    @answers = Queue.new
    @thread = Thread.new do
      loop do
        serve(@server.accept)
      rescue OpenSSL::SSL::SSLError, IOError, SystemCallError
        nil # a client that refused our certificate
      end
    end
  end

  def answer(status, body, headers = {})
    @answers << [status, body, headers]
  end

  def take
    @requests.pop(timeout: 10) || raise("no request arrived")
  end

  def close
    @thread.kill
    @server.close
  end

  private

  def serve(sock)
    line = sock.gets or return sock.close
    method, target, = line.split(" ")
    headers = {}
    while (h = sock.gets) && h != "\r\n"
      name, value = h.split(":", 2)
      headers[name.downcase] = value.strip
    end
    body = sock.read(headers["content-length"].to_i) || ""
    @requests << { "method" => method, "target" => target, "headers" => headers, "body" => body }
    status, text, extra = @answers.pop
    out = "HTTP/1.1 #{status} X\r\nContent-Length: #{text.bytesize}\r\nConnection: close\r\n"
    out += "Content-Type: application/json\r\n" unless text.empty? || extra.key?("Content-Type")
    extra.each { |k, v| out += "#{k}: #{v}\r\n" }
    sock.write("#{out}\r\n#{text}")
    sock.close
  rescue IOError, SystemCallError
    nil
  end
end

