-- wrk script for a route that needs one logged-in user per connection: run with as many
-- threads as connections. BENCH_SESSIONS holds one line per thread:
--   <path>|<headers separated by \t>|<body with {version} for the draft's version>|<version>
-- The answer's JSON "version" becomes the next request's (a delegate saving again and again).
local threads = {}
local counter = 0
setup = function(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local path, headers, template, version
bad = 0

init = function(args)
  local n = 0
  for line in (os.getenv("BENCH_SESSIONS") or ""):gmatch("[^\n]+") do
    n = n + 1
    if n == id then
      local own_path, raw_headers, body, first_version = line:match("^([^|]*)|(.*)|(.*)|(%d+)$")
      path = own_path
      headers = {}
      for pair in raw_headers:gmatch("[^\t]+") do
        local key, value = pair:match("^([^:]+):%s*(.*)$")
        headers[key] = value
      end
      template, version = body, first_version
    end
  end
end

request = function()
  local body = template:gsub("{version}", version)
  return wrk.format(os.getenv("BENCH_METHOD") or "POST", path, headers, body)
end

response = function(status, response_headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
  local next_version = body and body:match('"version":%s*(%d+)')
  if next_version then version = next_version end
end

done = function(summary, latency, requests)
  local not_ok = 0
  for _, thread in ipairs(threads) do not_ok = not_ok + (thread:get("bad") or 0) end
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "connect_errors": %d, ' ..
    '"read_errors": %d, "write_errors": %d, "status_errors": %d, "timeouts": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    errors.connect, errors.read, errors.write, not_ok, errors.timeout))
end
