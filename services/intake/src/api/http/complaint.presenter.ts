import { maskEmail, maskName, maskPhone, redactText } from '@complaints/observability';
import { ComplaintView } from '../../application/ports/complaint-queries';

/**
 * Personal data in API responses: in clear for the admin scope only, masked for everyone else (the standards
 * ask for masking wherever data is shown). The free text is passed through the same redaction as the events.
 */
export function presentComplaint(
  view: ComplaintView,
  revealPersonalData: boolean,
): ComplaintView & { masked: boolean } {
  if (revealPersonalData) return { ...view, masked: false };
  const { customer } = view;
  return {
    ...view,
    masked: true,
    customer: {
      ...customer,
      name: maskName(customer.name),
      phone: customer.phone ? maskPhone(customer.phone) : undefined,
      email: customer.email ? maskEmail(customer.email) : undefined,
      idNumber: customer.idNumber
        ? `${customer.idNumber.slice(0, 3)}***********${customer.idNumber.slice(-2)}`
        : undefined,
      customerId: customer.customerId ? `***${customer.customerId.slice(-4)}` : undefined,
    },
    subject: redactText(view.subject),
    description: redactText(view.description),
  };
}
