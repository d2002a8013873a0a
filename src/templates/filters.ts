// Every Jinja2 3.1 builtin filter infra-action supports, by name (all but urlize), and Ansible's common ones.
import type { FilterTable } from "./filter-support.js";
import { ansibleDataFilters } from "./filters-ansible-data.js";
import { ansibleRandomFilters } from "./filters-ansible-random.js";
import { ansibleRegexFilters } from "./filters-ansible-regex.js";
import { ansibleTextFilters } from "./filters-ansible-text.js";
import { ansibleYamlFilters } from "./filters-ansible-yaml.js";
import { numberFilters } from "./filters-numbers.js";
import { selectFilters } from "./filters-select.js";
import { sequenceFilters } from "./filters-sequences.js";
import { textFilters } from "./filters-text.js";

// The filters templates can use.
export const filters: FilterTable = {
  ...textFilters,
  ...numberFilters,
  ...sequenceFilters,
  ...selectFilters,
  ...ansibleTextFilters,
  ...ansibleRegexFilters,
  ...ansibleDataFilters,
  ...ansibleYamlFilters,
  // Ansible's random takes an int or a sequence and a seed; it stands in for Jinja2's, as in Ansible.
  ...ansibleRandomFilters,
};
