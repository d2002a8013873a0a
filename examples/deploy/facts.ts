// Facts in a deploy: the distribution decides between apt and yum.
import { apt, host, yum } from "infra-action";

// Get OS distribution
const distro = await host.getFact("LinuxDistribution");

if (distro.name === "Ubuntu" || distro.name === "Debian") {
  apt.packages({ name: "Install packages", packages: ["nginx"], _sudo: true });
} else if (distro.name === "CentOS" || distro.name === "RedHat") {
  yum.packages({ name: "Install packages", packages: ["nginx"], _sudo: true });
}
