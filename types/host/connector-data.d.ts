import type { GlobalArgsInput } from "../operations/arg-types.js";
export interface SshData {
    /** Address to connect to; defaults to ssh config HostName, else the host name. */
    ssh_hostname?: string;
    /** Port (1-65535); defaults to ssh config Port, else 22. */
    ssh_port?: number | `${number}`;
    /** Login user; defaults to ssh config User, else the local user. */
    ssh_user?: string;
    /** Path of a private key file. */
    ssh_key?: string;
    /** Passphrase of `ssh_key`. */
    ssh_key_password?: string;
    /** Login password. */
    ssh_password?: string;
    /** known_hosts file; defaults to ~/.ssh/known_hosts. */
    ssh_known_hosts_file?: string;
    /** `yes` refuses unknown host keys (the default); `accept-new` pins them on first use; `no` accepts any, with a warning. */
    ssh_strict_host_key_checking?: "yes" | "accept-new" | "no";
    /** Bastion(s) to hop through: `user@bastion:port`, comma-separated for several hops. */
    ssh_proxy_jump?: string;
    /** Seconds to wait for each connection (default 10). */
    ssh_connect_timeout?: number | `${number}`;
    /** Extra attempts after a refused, reset or timed-out connection, with backoff (default 0). */
    ssh_connect_retries?: number | `${number}`;
    /** Seconds between keepalives; 0 (the default) turns them off. */
    ssh_keepalive_interval?: number | `${number}`;
    /** ssh config file; defaults to ~/.ssh/config. */
    ssh_config_file?: string;
}
export type GlobalArgsData = Omit<GlobalArgsInput, "name">;
export type ConnectorData = SshData & GlobalArgsData;
export type ConnectorKeyPrefix = "ssh_" | "docker_" | "local_";
