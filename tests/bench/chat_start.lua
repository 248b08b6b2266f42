-- wrk script for chatbench.sh: every request starts a new conversation, alternating English and
-- French, as customers opening the widget do.
local n = 0
request = function()
  n = n + 1
  local lang = (n % 2 == 0) and "fr" or "en"
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"},
                    '{"language":"' .. lang .. '","customer_name":"Bench ' .. n .. '"}')
end
