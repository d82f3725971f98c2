import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.settings.FhirSettings;

/**
 * Validates FHIR R4 resources with HAPI FHIR's instance validator (the HL7 reference validator's core),
 * offline: the base R4 definitions and terminology shipped in the jars, plus the StructureDefinitions
 * LabFlow's server serves (its extensions). Unknown extensions are errors, so an extension the server
 * does not define fails.
 *
 * Usage: java -cp "lib/*:classes" FhirValidate PROFILES_DIR RESOURCES_DIR
 * Prints one line per message: severity TAB file TAB location TAB message; exits 0 (the caller judges).
 */
public final class FhirValidate {
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: FhirValidate PROFILES_DIR RESOURCES_DIR");
      System.exit(2);
    }
    // offline: the validator must never reach a package registry or terminology server
    FhirSettings.setProhibitNetworkAccess(true);
    FhirContext ctx = FhirContext.forR4();
    PrePopulatedValidationSupport served = new PrePopulatedValidationSupport(ctx);
    for (Path file : jsonFiles(Path.of(args[0]))) {
      IBaseResource resource = ctx.newJsonParser().parseResource(Files.readString(file, StandardCharsets.UTF_8));
      served.addResource(resource);
    }
    ValidationSupportChain chain = new ValidationSupportChain(
        new DefaultProfileValidationSupport(ctx),
        served,
        new SnapshotGeneratingValidationSupport(ctx),
        new InMemoryTerminologyServerValidationSupport(ctx),
        new CommonCodeSystemsTerminologyService(ctx));
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    module.setAnyExtensionsAllowed(false);
    FhirValidator validator = ctx.newValidator().registerValidatorModule(module);
    for (Path file : jsonFiles(Path.of(args[1]))) {
      ValidationResult result = validator.validateWithResult(Files.readString(file, StandardCharsets.UTF_8));
      for (SingleValidationMessage m : result.getMessages()) {
        System.out.println(String.join("\t", m.getSeverity().getCode(), file.getFileName().toString(),
            String.valueOf(m.getLocationString()), oneLine(m.getMessage())));
      }
      System.out.println("done\t" + file.getFileName());
    }
  }

  private static List<Path> jsonFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
  }
}
