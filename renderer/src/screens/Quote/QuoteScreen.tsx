import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { calculateQuote } from '../../../../shared/quote/calculateQuote.ts';
import { clinicKindLabels, knownClinicKinds } from '../../../../shared/domain/clinic.ts';
import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import { SetAsideRateTables } from '../../components/SetAsideRateTables.tsx';
import { useAgencyTexts, useContent } from '../../query/useSharedReads.ts';
import { quoteSheetMessages } from '../../../../shared/messages/quoteSheetMessages.ts';
import { quoteKindMessages } from '../../../../shared/messages/clinicKindMessages.ts';
import { useQuoteStore } from '../../stores/quoteStore.ts';
import { DocumentCode } from '../Product/DocumentCode.tsx';
import { AskAgencyResult } from './AskAgencyResult.tsx';
import { BreachSimulation } from './BreachSimulation.tsx';
import { ClinicPicker, type ClinicPickerHandle } from './ClinicPicker.tsx';
import { QuoteFigures } from './QuoteFigures.tsx';
import { SaveQuoteDialog } from './SaveQuoteDialog.tsx';
import { SavedQuoteSummary } from './SavedQuoteSummary.tsx';
import '../../styles/product.css';

/**
 * 保険料試算: 種別 and プラン give the monthly premium from the table under its stated conditions;
 * 病院, 老健 and その他 get no figure but the agency's contact. A quote can be saved on an inquiry.
 */
export function QuoteScreen() {
  const { pack, rates, problems, error, reload } = useContent();
  const { texts: agencyTexts } = useAgencyTexts();
  // A 試算書 states for whom and as what the agency solicits (保険業法294条3項): said here, before staff try to print one.
  const capacityUnset = agencyTexts !== null && !agencyTexts.solicitationCapacity.value?.trim();
  const clinicKind = useQuoteStore((s) => s.clinicKind);
  const planId = useQuoteStore((s) => s.planId);
  const clinic = useQuoteStore((s) => s.clinic);
  const lastSaved = useQuoteStore((s) => s.lastSaved);
  const setClinicKind = useQuoteStore((s) => s.setClinicKind);
  const setPlanId = useQuoteStore((s) => s.setPlanId);
  const dismissConfirmation = useQuoteStore((s) => s.dismissConfirmation);
  const showSaved = useQuoteStore((s) => s.showSaved);
  const [saveOpen, setSaveOpen] = useState(false);
  const [needClinic, setNeedClinic] = useState(false);
  const pickerRef = useRef<ClinicPickerHandle>(null);
  const saveHintId = useId();
  const kindLegendId = useId();
  const planLegendId = useId();

  // The first plan until the clerk chooses, and again if the table no longer has the chosen one.
  useEffect(() => {
    if (rates && !rates.plans.some((p) => p.id === planId) && rates.plans[0]) setPlanId(rates.plans[0].id);
  }, [rates, planId, setPlanId]);

  // A clinic whose 種別 is 未確認 gets no figure until the clerk chooses one: never a guess.
  const kindUnknown = clinicKind === 'unconfirmed';
  const quote = useMemo(() => {
    if (!rates || clinicKind === 'unconfirmed' || !rates.plans.some((p) => p.id === planId)) return null;
    return calculateQuote(rates, clinicKind, planId);
  }, [rates, clinicKind, planId]);

  // Once a clinic is chosen, the reminder to choose one has done its work.
  const showNeedClinic = needClinic && !clinic;

  const askForClinic = () => {
    setNeedClinic(true);
    pickerRef.current?.focus();
  };

  return (
    <section className="screen quote-screen">
      <ScreenHeading>保険料試算</ScreenHeading>
      {error && (
        <div role="alert" className="message message-error notice-line">
          <p>{error}</p>
          <button type="button" className="button" onClick={reload}>
            もう一度読み込む
          </button>
        </div>
      )}
      {(!pack || !rates) && !error && <p className="message message-info">読み込んでいます…</p>}
      {pack && rates && (
        <>
          <SetAsideRateTables problems={problems} inForce={rates} />
          <div className="quote-layout">
            <div className="panel quote-inputs">
              <h2>試算の条件</h2>
              <ClinicPicker ref={pickerRef} />
              <fieldset className="choice-group" aria-labelledby={kindLegendId}>
                <legend id={kindLegendId}>種別</legend>
                <div className="choice-options">
                  {knownClinicKinds.map((kind) => (
                    <label key={kind} className="choice">
                      <input
                        type="radio"
                        name="quote-clinic-kind"
                        value={kind}
                        checked={clinicKind === kind}
                        onChange={() => setClinicKind(kind)}
                      />
                      <span>{clinicKindLabels[kind]}</span>
                    </label>
                  ))}
                </div>
                {clinic && clinic.kind !== clinicKind && (
                  <p className="field-hint">記録の種別は「{clinicKindLabels[clinic.kind]}」です</p>
                )}
                {kindUnknown && (
                  <p className="field-error" role="alert">
                    {quoteKindMessages.choose(clinic?.name)}
                  </p>
                )}
              </fieldset>
              <fieldset className="choice-group" aria-labelledby={planLegendId} disabled={quote?.kind === 'askAgency' || kindUnknown}>
                <legend id={planLegendId}>プラン</legend>
                <div className="choice-options">
                  {rates.plans.map((plan) => (
                    <label key={plan.id} className="choice">
                      <input
                        type="radio"
                        name="quote-plan"
                        value={plan.id}
                        checked={planId === plan.id}
                        onChange={() => setPlanId(plan.id)}
                      />
                      <span>{plan.name}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </div>

            <section className="panel quote-result" aria-labelledby="quote-result-title">
              {quote?.kind === 'figure' && (
                <>
                  <h2 id="quote-result-title">{rates.title}</h2>
                  <p className="quote-scope">{pack.premium.scope}</p>
                  <QuoteFigures quote={quote} roundingRule={rates.roundingRule} />
                  <div className="quote-save">
                    <button
                      type="button"
                      className="button button-primary"
                      aria-describedby={saveHintId}
                      onClick={() => (clinic ? setSaveOpen(true) : askForClinic())}
                    >
                      問い合わせに保存
                    </button>
                    <p id={saveHintId} className={showNeedClinic ? 'field-error' : 'field-hint'} role={showNeedClinic ? 'alert' : undefined}>
                      {clinic
                        ? `「${clinic.name}」の問い合わせに、この試算を保存します`
                        : '問い合わせに保存するには、先に「医療機関」で医療機関を選んでください'}
                    </p>
                    {capacityUnset && (
                      <p className="field-hint quote-capacity-unset" role="note">
                        {quoteSheetMessages.capacityUnsetBeforehand}
                      </p>
                    )}
                  </div>
                </>
              )}
              {kindUnknown && (
                <>
                  <h2 id="quote-result-title">{quoteKindMessages.heading}</h2>
                  <p>{quoteKindMessages.noFigure}</p>
                </>
              )}
              {quote?.kind === 'askAgency' && (
                <>
                  <h2 id="quote-result-title">{pack.premium.title}</h2>
                  <AskAgencyResult pack={pack} clinicKind={quote.clinicKind} onNeedClinic={() => pickerRef.current?.focus()} />
                </>
              )}
              <DocumentCode pack={pack} className="quote-document-code" />
            </section>
          </div>

          {lastSaved && <SavedQuoteSummary saved={lastSaved} onDismiss={dismissConfirmation} />}

          <BreachSimulation pack={pack} />

          {saveOpen && clinic && quote?.kind === 'figure' && (
            <SaveQuoteDialog
              clinic={clinic}
              planName={quote.planName}
              monthlyYen={quote.monthlyYen}
              onClose={() => setSaveOpen(false)}
              onSaved={(confirmation) => {
                // One render closes the dialog (its focus goes back) and shows the confirmation, which then takes the focus.
                setSaveOpen(false);
                showSaved(confirmation);
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
