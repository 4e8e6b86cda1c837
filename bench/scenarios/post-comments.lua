-- wrk script: readers posting comments through the JSON API.
--
--   wrk ... -s post-comments.lua http://127.0.0.1:PORT -- RUN_TAG SLUG_FILE
--
-- Every request is a new reader (its own address via X-Forwarded-For, which
-- the app trusts with TRUST_PROXY=1, and its own email) posting a comment with
-- a fresh Idempotency-Key to one of the stories listed in SLUG_FILE. Every
-- tenth request is a retry: it sends the previous request's key and body
-- again, as a client does when an answer was lost, and must be answered with
-- the same comment instead of storing a second one. The key is also written
-- into the body, so duplicates can be counted in the database afterwards.
--
-- done() prints one line, parsed by bench/scenarios/comment-post.ts:
--   posted=<new keys sent> retries=<keys sent again> created=<201> replayed=<201 + Idempotent-Replayed> other=<anything else>

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_id", counter)
  table.insert(threads, thread)
end

local slugs = {}
local run_tag, sequence, last_key, last_body, last_path, last_address
posted, retries, created, replayed, other = 0, 0, 0, 0, 0

function init(args)
  run_tag = args[1]
  for line in io.lines(args[2]) do
    if #line > 0 then table.insert(slugs, line) end
  end
  sequence = 0
end

function request()
  sequence = sequence + 1
  if sequence % 10 == 0 and last_key then
    retries = retries + 1
  else
    posted = posted + 1
    local reader = thread_id * 1000000 + sequence
    last_key = string.format("%s-%d-%d", run_tag, thread_id, sequence)
    last_path = "/api/v1/articles/" .. slugs[(reader % #slugs) + 1] .. "/comments"
    last_address = string.format("10.%d.%d.%d", thread_id % 256, math.floor(sequence / 256) % 256, sequence % 256)
    last_body = string.format(
      '{"authorName":"Bench reader %d","authorEmail":"reader-%s@bench.example","body":"A reader thought about this story and wrote it down (%s)."}',
      reader, last_key, last_key)
  end
  return wrk.format("POST", last_path, {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = last_key,
    ["X-Forwarded-For"] = last_address,
  }, last_body)
end

function response(status, headers, body)
  if status == 201 then
    if headers["Idempotent-Replayed"] or headers["idempotent-replayed"] then
      replayed = replayed + 1
    else
      created = created + 1
    end
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local totals = { posted = 0, retries = 0, created = 0, replayed = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  io.write(string.format("posted=%d retries=%d created=%d replayed=%d other=%d\n",
    totals.posted, totals.retries, totals.created, totals.replayed, totals.other))
end
