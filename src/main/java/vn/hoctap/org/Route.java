package vn.hoctap.org;

/**
 * Who handles a dossier of one applicant: the body that receives and appraises it, and the body and role that
 * sign. Fixed when a dossier opens, so a dossier keeps the route it was started on.
 */
public record Route(
    OrgUnit receiving,
    String reviewerTitle,
    OrgUnit signer,
    String signerRole,
    String signerTitle,
    String decisionCode,
    boolean confirmed) {}
