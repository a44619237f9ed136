// The region step: a search box over every region SWR runs in, grouped by where they are, as
// one group of radio buttons (arrow keys move through all of them). The chosen one stands out.

import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { CheckIcon, SearchIcon } from "../../components/icons";
import type { Area, Region } from "../../ipc";

/** The order the groups are shown in. */
const AREAS: readonly Area[] = ["chineseMainland", "asiaPacific", "africa", "latinAmerica", "middleEast", "europe", "turkiye", "russia"];

export function RegionPicker({ regions, value, onChange }: { regions: readonly Region[]; value: string; onChange: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState("");
  const zh = i18n.language === "zh-CN";

  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = (r: Region) =>
      q === "" || [r.id, r.nameEn, r.nameZhCn, t(`wizard.area.${r.area}`)].some((s) => s.toLowerCase().includes(q));
    return AREAS.map((area) => ({ area, regions: regions.filter((r) => r.area === area && matches(r)) })).filter((g) => g.regions.length > 0);
  }, [regions, query, t]);

  return (
    <div className="region-picker">
      <label className="region-search" htmlFor={`${id}-search`}>
        <span className="region-search-label">{t("wizard.regionSearch")}</span>
        <span className="region-search-box">
          <SearchIcon />
          <input
            id={`${id}-search`}
            className="input"
            type="search"
            data-testid="wizard-region-search"
            placeholder={t("wizard.regionSearchPlaceholder")}
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
            }}
          />
        </span>
      </label>
      <div role="radiogroup" aria-label={t("wizard.step.region")} className="region-groups" data-testid="wizard-regions">
        {groups.map(({ area, regions: inArea }) => (
          <section key={area} className="region-group" aria-labelledby={`${id}-${area}`}>
            <h3 id={`${id}-${area}`} className="region-group-title">
              {t(`wizard.area.${area}`)}
            </h3>
            <div className="region-options">
              {inArea.map((r) => {
                const selected = value === r.id;
                return (
                  <label key={r.id} className="region-option" data-selected={selected} data-testid={`wizard-region-${r.id}`}>
                    <input
                      type="radio"
                      className="visually-hidden"
                      name={`${id}-region`}
                      value={r.id}
                      checked={selected}
                      onChange={() => {
                        onChange(r.id);
                      }}
                    />
                    <span className="region-option-text">
                      <span className="region-option-name">{zh ? r.nameZhCn : r.nameEn}</span>
                      <code className="region-option-id">{r.id}</code>
                    </span>
                    {selected && <CheckIcon />}
                  </label>
                );
              })}
            </div>
          </section>
        ))}
      </div>
      {groups.length === 0 && (
        <p className="field-hint" data-testid="wizard-region-none">
          {t("wizard.regionNone", { query })}
        </p>
      )}
    </div>
  );
}
