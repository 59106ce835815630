# Sourced by the benchmark scripts: the servers they start create their default tenant with this owner key
# (KUROBE_BOOTSTRAP_API_KEY), and every client sends it (KUROBE_API_KEY). Rate limits are off: a load test is
# meant to exceed any per-key limit.
KUROBE_API_KEY=$(node -e 'const c=require("crypto"),a="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",r=n=>Array.from({length:n},()=>a[c.randomInt(62)]).join("");console.log(`kb_${r(16)}_${r(43)}`)')
export KUROBE_API_KEY
export KUROBE_BOOTSTRAP_API_KEY="$KUROBE_API_KEY"
export Kurobe__RateLimits__Enabled=false
