package vn.hoctap.org;

/**
 * Who handles a dossier of one unit: the body that receives and appraises it, the body whose head signs, and
 * who supervises each phase. Fixed when a dossier opens, so a dossier keeps the route it was started on.
 */
public record Route(
    OrgUnit receiving,
    String reviewerTitle,
    OrgUnit signer,
    String signerTitle,
    String decisionCode,
    boolean confirmed) {}
