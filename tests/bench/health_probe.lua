-- wrk script for the /health probe that runs beside the login storm in bench.sh.
-- Each connection waits a fixed pause between requests (default 10 ms, or the first script
-- argument after `--`), so the probe is steady background traffic (~1,000 req/s on 10
-- connections) rather than a flood that would take the CPU the bcrypt threads need.
-- wrk's latency is measured from the moment a request is sent; the pause is not counted.
local pause_ms = 10

function init(args)
  if args[1] ~= nil then
    pause_ms = tonumber(args[1])
  end
end

function delay()
  return pause_ms
end
