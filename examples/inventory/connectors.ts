// The default connector is SSH: plain names and addresses are SSH hosts.
export const targets = [
  "server.example.com",
  ["192.168.1.10", { ssh_user: "ubuntu", ssh_port: 22, ssh_key: "~/.ssh/id_rsa" }],
];
