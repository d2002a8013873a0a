// Every Jinja2 3.1 builtin filter infra-action supports, by name (all but urlize).
import type { FilterTable } from "./filter-support.js";
import { numberFilters } from "./filters-numbers.js";
import { selectFilters } from "./filters-select.js";
import { sequenceFilters } from "./filters-sequences.js";
import { textFilters } from "./filters-text.js";

// The filters templates can use.
export const filters: FilterTable = { ...textFilters, ...numberFilters, ...sequenceFilters, ...selectFilters };
