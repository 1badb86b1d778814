-- wrk reporter: one JSON line with what the bench table needs (p50/p95 in microseconds).
-- Optional request from the environment: BENCH_METHOD, BENCH_BODY, BENCH_HEADERS ("k: v\n…").
local method = os.getenv("BENCH_METHOD")
if method and method ~= "" then wrk.method = method end
local body = os.getenv("BENCH_BODY")
if body and body ~= "" then wrk.body = body end
local headers = os.getenv("BENCH_HEADERS")
if headers and headers ~= "" then
  for line in headers:gmatch("[^\n]+") do
    local key, value = line:match("^([^:]+):%s*(.*)$")
    if key then wrk.headers[key] = value end
  end
end

-- Answers other than 2xx (a redirect to the login page is a failure too) are counted per
-- thread and summed at the end.
local threads = {}
setup = function(thread) table.insert(threads, thread) end
bad = 0
response = function(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
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
