-- When a key's own probe was last heard from. Only probed keys are expected to report every polling interval: a key
-- seen only through its owner's traffic goes quiet whenever that traffic does, which is no problem of the key's.
ALTER TABLE connection_activity ADD COLUMN last_probe_at timestamptz;
