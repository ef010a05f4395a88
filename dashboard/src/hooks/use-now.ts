import { useEffect, useState } from 'react'

/** The current time (epoch ms), updated every `intervalMs`: drives countdowns and "3 min ago". */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
