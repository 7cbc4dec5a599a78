# Sourced by the rush benches.
# pg_url "Host=…;Port=…;Username=…;Database=…": the libpq form psql takes.
pg_url() { sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/' <<<"$1"; }

# write_rush_lua FILE CATEGORY PREFIX: the wrk script of a registration rush. Each connection first GETs the form
# (for the antiforgery cookie and token), then POSTs registrations for CATEGORY, each with its own address
# PREFIX-<thread>-<n>@bench.test and family name Prefix (capitalised), as browsers do.
write_rush_lua() {
  cat >"$1" <<LUA
local token, cookie
local n = 0
function setup(thread) thread:set("tid", math.random(1, 1000000000)) end
request = function()
  if not token then return wrk.format("GET", "/2021/register") end
  n = n + 1
  local who = tid .. "-" .. n
  local body = "Input.CategoryId=$2&Input.FamilyNameLatin=${3^}&Input.GivenNameLatin=P" .. who ..
    "&Input.Email=$3-" .. who .. "%40bench.test&Input.PreferredCulture=en&Input.Consent=true&__RequestVerificationToken=" .. token
  return wrk.format("POST", "/2021/register", { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, body)
end
response = function(status, headers, body)
  if not token and status == 200 then
    token = body:match('name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
    cookie = (headers["Set-Cookie"] or ""):match("(%.Summit%.Antiforgery=[^;]+)")
  end
end
LUA
}
